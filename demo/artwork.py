"""
Pictures of the demo institute, drawn in code with Pillow: lead images for
articles (maps of the region, charts, photograph-like compositions) and expert
headshots.

Every picture is a function of its record alone (a random generator seeded with
the slug), so drawing twice gives the same pixels. Text is set in DejaVu (Debian's
``fonts-dejavu-core``) when it is installed, otherwise in the typeface that
Pillow carries; nothing is downloaded.
"""

import hashlib
import itertools
import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

LEAD_SIZE = (1600, 900)
HEADSHOT_SIZE = (800, 1000)

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
)
_FONT_FILES = {
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif-bold": "DejaVuSerif-Bold.ttf",
    "serif-italic": "DejaVuSerif-Italic.ttf",
    "serif-bolditalic": "DejaVuSerif-BoldItalic.ttf",
}


def font_path(style: str) -> Path | None:
    """The TTF file of one of the styles above, or None when it is not installed."""
    for folder in _FONT_DIRS:
        path = folder / _FONT_FILES[style]
        if path.is_file():
            return path
    return None


def font(style: str, size: int) -> ImageFont.FreeTypeFont:
    path = font_path(style)
    if path is None:
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(str(path), size)


def seeded(*parts: str) -> random.Random:
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def mix(colour, other, amount):
    return tuple(
        round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True)
    )


#: Sober colours of a research institute: inks, slates, sands, a few accents.
INK = (28, 36, 48)
PAPER = (246, 243, 236)
PALETTES = (
    # background, ink, accent, second accent
    ((238, 234, 225), (34, 44, 58), (166, 78, 46), (60, 110, 130)),
    ((232, 236, 238), (30, 42, 56), (44, 96, 140), (176, 132, 54)),
    ((241, 237, 229), (40, 40, 44), (120, 46, 52), (92, 120, 92)),
    ((229, 233, 228), (32, 46, 40), (62, 112, 88), (150, 96, 48)),
    ((236, 233, 240), (38, 36, 56), (86, 70, 140), (180, 110, 70)),
)


def _palette(rng):
    return rng.choice(PALETTES)


# Maps -----------------------------------------------------------------------

# Seas of the region as (longitude, latitude) outlines, simplified by hand: the
# land is what is left. Drawn between 24°E and 66°E, 10°N and 43°N.
MEDITERRANEAN = [
    (20, 31.0), (25, 31.6), (29, 30.9), (31, 31.5), (32.3, 31.2), (34.2, 31.3),
    (34.9, 32.5), (35.1, 33.1), (35.5, 33.9), (35.9, 35.0), (35.8, 35.9),
    (36.1, 36.6), (35.5, 36.6), (34.6, 36.8), (33.5, 36.2), (32.5, 36.1),
    (31.0, 36.8), (30.5, 36.5), (29.6, 36.2), (28.2, 36.7), (27.4, 37.2),
    (26.5, 38.3), (26.2, 39.5), (26.2, 40.1), (25.5, 40.8), (24.0, 40.9),
    (20, 40.9),
]  # fmt: skip
CYPRUS = [
    (32.3, 35.0), (33.0, 35.4), (34.6, 35.7), (34.0, 35.0), (33.0, 34.6),
    (32.4, 34.7),
]  # fmt: skip
BLACK_SEA = [
    (27.5, 41.6), (29.1, 41.2), (31.0, 41.1), (33.0, 41.9), (35.0, 42.0),
    (36.5, 41.3), (38.0, 40.9), (40.0, 40.9), (41.5, 41.5), (41.7, 45),
    (27.5, 45),
]  # fmt: skip
CASPIAN = [
    (47.0, 45), (47.5, 41.0), (49.0, 40.5), (49.5, 39.5), (49.0, 38.2),
    (49.5, 37.5), (51.0, 36.8), (53.9, 36.9), (53.9, 38.5), (53.0, 39.5),
    (53.2, 40.8), (52.8, 41.6), (53.5, 45),
]  # fmt: skip
SOUTHERN_SEAS = [
    # Red Sea, western shore, from Suez down to Bab el-Mandeb
    (32.6, 29.9), (32.6, 29.5), (33.5, 27.5), (34.5, 25.5), (35.7, 23.5),
    (36.9, 22.0), (37.3, 20.0), (38.5, 18.0), (39.5, 16.0), (41.0, 14.5),
    (42.5, 13.0), (43.3, 12.3),
    # the Horn of Africa, then the open sea
    (43.5, 11.5), (45.0, 10.4), (47.0, 11.1), (49.0, 11.3), (51.2, 11.8),
    (51.0, 5), (70, 5),
    # Pakistan and Iran, into the Gulf
    (70, 24.5), (66.5, 25.4), (61.5, 25.2), (58.8, 25.5), (57.3, 25.8),
    (56.3, 27.2), (54.7, 26.5), (53.5, 26.8), (51.5, 27.9), (50.3, 29.3),
    (49.0, 30.2), (48.0, 30.0),
    # Kuwait, Saudi Arabia, Qatar, the Emirates
    (48.0, 29.3), (48.6, 28.0), (49.6, 26.9), (50.2, 26.2), (50.8, 24.8),
    (51.2, 26.1), (51.6, 25.3), (51.6, 24.6), (52.5, 24.2), (54.3, 24.3),
    (55.4, 25.3), (56.1, 26.1),
    # Oman and Yemen
    (56.4, 24.9), (57.8, 23.7), (58.8, 23.5), (59.8, 22.5), (58.6, 20.5),
    (57.8, 19.0), (56.6, 18.0), (55.0, 17.0), (52.2, 15.6), (49.0, 14.5),
    (45.0, 13.0), (43.5, 12.7),
    # Arabia's Red Sea shore up to Aqaba, then Sinai
    (42.8, 14.5), (42.6, 16.0), (41.5, 17.8), (40.5, 19.5), (39.2, 21.5),
    (38.8, 22.5), (37.5, 24.5), (36.5, 26.0), (35.2, 28.0), (34.9, 29.5),
    (34.4, 28.0), (33.8, 27.9),
]  # fmt: skip
SEAS = (MEDITERRANEAN, BLACK_SEA, CASPIAN, SOUTHERN_SEAS)

CITIES = {
    "Cairo": (31.2, 30.0), "Jerusalem": (35.2, 31.8), "Amman": (35.93, 31.95),
    "Beirut": (35.5, 33.9), "Damascus": (36.3, 33.5), "Ankara": (32.9, 39.9),
    "Baghdad": (44.4, 33.3), "Tehran": (51.4, 35.7), "Riyadh": (46.7, 24.7),
    "Doha": (51.5, 25.3), "Abu Dhabi": (54.4, 24.45), "Muscat": (58.4, 23.6),
    "Sanaa": (44.2, 15.35), "Kuwait": (47.98, 29.37), "Jeddah": (39.2, 21.5),
    "Aden": (45.0, 12.8), "Istanbul": (29.0, 41.0), "Erbil": (44.0, 36.2),
}  # fmt: skip

#: Where each region of the demo sits, and the part of the map a piece about it shows
#: (west, south, east, north).
REGION_VIEWS = {
    "gulf-states": (45.5, 20.5, 60.5, 30.5),
    "saudi-arabia": (34.0, 14.0, 58.0, 32.0),
    "united-arab-emirates": (49.5, 21.5, 59.5, 27.5),
    "qatar": (47.0, 22.5, 56.0, 28.0),
    "oman": (50.0, 15.5, 61.0, 27.0),
    "levant": (31.0, 29.0, 41.0, 37.5),
    "syria": (33.0, 30.5, 44.0, 38.5),
    "lebanon": (33.0, 31.5, 38.5, 35.0),
    "jordan": (32.0, 28.0, 40.5, 33.8),
    "iran": (42.0, 23.0, 64.0, 40.0),
    "iraq": (37.0, 27.5, 50.5, 38.5),
    "israel": (32.5, 29.2, 37.5, 33.6),
    "egypt": (24.5, 20.0, 42.0, 33.0),
    "turkey": (25.0, 34.0, 46.0, 43.0),
    "north-africa": (24.0, 10.0, 66.0, 43.0),
}
REGION_CENTRES = {
    "gulf-states": (51.0, 26.0), "saudi-arabia": (45.0, 24.0),
    "united-arab-emirates": (54.3, 24.0), "qatar": (51.2, 25.4),
    "oman": (57.0, 21.0), "levant": (36.0, 33.5), "syria": (38.5, 35.0),
    "lebanon": (35.8, 33.9), "jordan": (36.5, 31.0), "iran": (53.5, 32.5),
    "iraq": (43.7, 33.0), "israel": (34.9, 31.4), "egypt": (30.5, 26.5),
    "turkey": (35.0, 39.0), "north-africa": (28.0, 27.0),
}  # fmt: skip
CHOKEPOINTS = {
    "Hormuz": (56.4, 26.5),
    "Bab el-Mandeb": (43.4, 12.6),
    "Suez": (32.55, 30.0),
}


class _Projection:
    """Equirectangular, squeezed by the cosine of the view's middle latitude."""

    def __init__(self, view, size):
        west, south, east, north = view
        width, height = size
        squeeze = math.cos(math.radians((south + north) / 2))
        # Fit the view into the frame, keeping its proportions; centre it.
        scale = min(width / ((east - west) * squeeze), height / (north - south))
        self.scale, self.squeeze = scale, squeeze
        self.cx, self.cy = (west + east) / 2, (south + north) / 2
        self.width, self.height = width, height

    def __call__(self, lon, lat):
        x = self.width / 2 + (lon - self.cx) * self.squeeze * self.scale
        y = self.height / 2 - (lat - self.cy) * self.scale
        return (x, y)


def _noise(size, rng, sigma=24):
    """A grey noise layer (deterministic: drawn from ``rng``)."""
    width, height = size
    small = Image.frombytes(
        "L",
        (width // 4, height // 4),
        bytes(rng.randrange(256) for _ in range((width // 4) * (height // 4))),
    )
    return small.resize(size, Image.Resampling.BICUBIC).filter(
        ImageFilter.GaussianBlur(sigma / 8)
    )


def draw_map(article, rng) -> Image.Image:
    """The region of the piece: land and sea, a graticule, cities, and what it is about."""
    regions = article["regions"]
    view = REGION_VIEWS.get(regions[0], REGION_VIEWS["north-africa"])
    # Widen a little so the region does not touch the frame.
    west, south, east, north = view
    pad = 0.06 * (east - west)
    view = (west - pad, south - pad, east + pad, north + pad)
    size = LEAD_SIZE
    scale = 2  # drawn at twice the size, then reduced: smooth coastlines
    big = (size[0] * scale, size[1] * scale)
    project = _Projection(view, big)
    sea = rng.choice([(196, 211, 219), (205, 214, 216), (188, 204, 214)])
    land = rng.choice([(236, 230, 216), (231, 228, 219), (238, 233, 222)])
    coast = mix(sea, INK, 0.45)
    image = Image.new("RGB", big, land)
    draw = ImageDraw.Draw(image)
    for outline in SEAS:
        draw.polygon([project(*p) for p in outline], fill=sea, outline=coast, width=3)
    draw.polygon([project(*p) for p in CYPRUS], fill=land, outline=coast, width=3)
    # Graticule every 2 or 5 degrees.
    step = 2 if east - west < 20 else 5
    grid = mix(sea, INK, 0.18)
    for lon in range(0, 90, step):
        x, _ = project(lon, 0)
        if 0 <= x <= big[0]:
            draw.line([(x, 0), (x, big[1])], fill=grid, width=1)
    for lat in range(0, 50, step):
        _, y = project(0, lat)
        if 0 <= y <= big[1]:
            draw.line([(0, y), (big[0], y)], fill=grid, width=1)
    palette = _palette(rng)
    accent, second = palette[2], palette[3]
    # The piece's regions: soft halos.
    # (drawn at an eighth of the size and blurred there: the same softness, fast)
    halo = Image.new("L", (big[0] // 8, big[1] // 8), 0)
    halo_draw = ImageDraw.Draw(halo)
    for slug in regions:
        if slug in REGION_CENTRES:
            x, y = project(*REGION_CENTRES[slug])
            radius = big[1] * rng.uniform(0.07, 0.12)
            halo_draw.ellipse(
                (
                    (x - radius) / 8,
                    (y - radius) / 8,
                    (x + radius) / 8,
                    (y + radius) / 8,
                ),
                fill=110,
            )
    halo = halo.filter(ImageFilter.GaussianBlur(5)).resize(
        big, Image.Resampling.BILINEAR
    )
    image = Image.composite(Image.new("RGB", big, accent), image, halo)
    draw = ImageDraw.Draw(image)
    topics = set(article["topics"])
    # Routes through the chokepoints for maritime and energy pieces; arcs otherwise.
    if topics & {"maritime-security", "energy-economics"}:
        route = [(32.5, 31.8), (32.55, 30.0), (33.5, 27.2), (36.5, 22.5),
                 (40.0, 17.0), (43.4, 12.6), (48.0, 12.2), (56.0, 14.5),
                 (60.0, 20.0), (58.8, 24.8), (56.4, 26.5), (52.5, 27.2)]  # fmt: skip
        _dashed(draw, [project(*p) for p in route], second, width=7, dash=26)
        for point in CHOKEPOINTS.values():
            x, y = project(*point)
            draw.ellipse((x - 26, y - 26, x + 26, y + 26), outline=second, width=6)
        # Incidents along the route.
        for _ in range(rng.randrange(14, 30)):
            lon, lat = route[rng.randrange(2, len(route) - 1)]
            x, y = project(lon + rng.uniform(-1.2, 1.2), lat + rng.uniform(-1.2, 1.2))
            r = rng.choice((9, 12, 16))
            draw.ellipse(
                (x - r, y - r, x + r, y + r), fill=accent, outline=PAPER, width=3
            )
    else:
        names = [
            name
            for name, point in CITIES.items()
            if 0 < project(*point)[0] < big[0] and 0 < project(*point)[1] < big[1]
        ] or list(CITIES)
        if len(names) < 3:
            names = list(CITIES)
        for _ in range(rng.randrange(2, 5)):
            a, b = rng.sample(names, 2)
            _arc(draw, project(*CITIES[a]), project(*CITIES[b]), second, rng)
    # Hatched zone for security pieces.
    if topics & {"military-security", "terrorism-counterterrorism", "gulf-security"}:
        slug = regions[-1]
        if slug in REGION_CENTRES:
            cx, cy = project(*REGION_CENTRES[slug])
            r = big[1] * 0.08
            zone = Image.new("L", big, 0)
            zone_draw = ImageDraw.Draw(zone)
            for k in range(-int(2 * r), int(2 * r), 22):
                zone_draw.line(
                    [(cx + k - r, cy + r), (cx + k + r, cy - r)], fill=160, width=5
                )
            mask = Image.new("L", big, 0)
            ImageDraw.Draw(mask).ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
            zone = Image.composite(zone, Image.new("L", big, 0), mask)
            image.paste(Image.new("RGB", big, accent), (0, 0), zone)
            draw = ImageDraw.Draw(image)
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=accent, width=4)
    # Cities.
    label = font("sans", 40)
    taken = []
    for name, point in CITIES.items():
        x, y = project(*point)
        if 40 < x < big[0] - 280 and 40 < y < big[1] - 40:
            box = draw.textbbox((x + 18, y), name, font=label, anchor="lm")
            if any(_overlap(box, other) for other in taken):
                continue
            taken.append(box)
            draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=INK, outline=PAPER, width=3)
            draw.text((x + 18, y), name, font=label, fill=INK, anchor="lm",
                      stroke_width=5, stroke_fill=land)  # fmt: skip
    image = image.reduce(scale)
    _legend(image, article, palette)
    return image


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _dashed(draw, points, colour, width, dash):
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        steps = max(1, int(length // dash))
        for i in range(0, steps, 2):
            a, b = i / steps, min(1, (i + 1) / steps)
            draw.line(
                [(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                 (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)],
                fill=colour, width=width,
            )  # fmt: skip


def _arc(draw, start, end, colour, rng):
    (x1, y1), (x2, y2) = start, end
    lift = rng.uniform(0.2, 0.4) * math.hypot(x2 - x1, y2 - y1)
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2 - lift
    points = []
    for i in range(41):
        t = i / 40
        points.append((
            (1 - t) ** 2 * x1 + 2 * (1 - t) * t * mx + t * t * x2,
            (1 - t) ** 2 * y1 + 2 * (1 - t) * t * my + t * t * y2,
        ))  # fmt: skip
    draw.line(points, fill=colour, width=7, joint="curve")
    draw.ellipse((x2 - 14, y2 - 14, x2 + 14, y2 + 14), fill=colour)


def _legend(image, article, palette):
    draw = ImageDraw.Draw(image)
    title = font("sans-bold", 24)
    small = font("sans", 19)
    box = (40, image.height - 130, 560, image.height - 40)
    draw.rectangle(box, fill=PAPER, outline=mix(PAPER, INK, 0.3))
    draw.text((60, box[1] + 18), _map_title(article), font=title, fill=INK)
    draw.rectangle((60, box[1] + 58, 84, box[1] + 74), fill=palette[2])
    draw.text((94, box[1] + 66), "Area of focus", font=small, fill=INK, anchor="lm")
    draw.line((250, box[1] + 66, 290, box[1] + 66), fill=palette[3], width=5)
    draw.text((300, box[1] + 66), "Routes and reach", font=small, fill=INK, anchor="lm")


def _map_title(article):
    names = {
        "gulf-states": "The Gulf", "saudi-arabia": "Saudi Arabia",
        "united-arab-emirates": "United Arab Emirates", "qatar": "Qatar",
        "oman": "Oman", "levant": "The Levant", "syria": "Syria",
        "lebanon": "Lebanon", "jordan": "Jordan", "iran": "Iran", "iraq": "Iraq",
        "israel": "Israel and the Palestinian territories", "egypt": "Egypt and the Red Sea",
        "turkey": "Turkey", "north-africa": "The wider region",
    }  # fmt: skip
    return names.get(article["regions"][0], "The region")


# Charts ---------------------------------------------------------------------

CHART_SUBJECTS = {
    # topic: (what the chart shows, bars or a line, typical low and high values)
    "energy-economics": ("Oil revenue, US$ billion", "line", 80, 320),
    "sanctions": ("Designations under sanctions programs", "bar", 40, 260),
    "maritime-security": ("Reported incidents against shipping", "bar", 5, 60),
    "arms-control-proliferation": ("Enriched uranium stockpile, tonnes", "line", 1, 9),
    "military-security": ("Defense spending, % of GDP", "bar", 2, 8),
    "gulf-security": ("Air and missile defense intercepts", "bar", 10, 140),
    "democracy-reform": ("Voter turnout, %", "line", 25, 70),
    "human-rights": ("Cases documented by monitors", "bar", 60, 400),
    "technology-cyber": ("Reported cyber incidents", "line", 20, 180),
    "great-power-competition": ("Trade with China, US$ billion", "line", 20, 120),
    "israeli-palestinian-relations": (
        "Humanitarian aid trucks per day",
        "bar",
        40,
        500,
    ),
    "terrorism-counterterrorism": ("Attacks recorded", "bar", 30, 300),
}
DEFAULT_SUBJECT = ("Index, 2015 = 100", "line", 80, 140)


def draw_chart(article, rng) -> Image.Image:
    """A bar or line chart with axes, ticks and labels in the piece's subject."""
    palette = _palette(rng)
    background, ink, accent, second = palette
    subject, kind, low, high = CHART_SUBJECTS.get(article["topics"][0], DEFAULT_SUBJECT)
    width, height = LEAD_SIZE
    image = Image.new("RGB", LEAD_SIZE, background)
    draw = ImageDraw.Draw(image)
    year = int(article["date"][:4]) if article.get("date") else 2026
    years = list(range(year - 9, year + 1))
    level = rng.uniform(low, (low + high) / 2)
    values, other = [], []
    for _ in years:
        level = min(high, max(low, level * rng.uniform(0.85, 1.22)))
        values.append(level)
        other.append(level * rng.uniform(0.5, 0.85))
    top = _nice_top(max(values))
    left, right, upper, lower = 150, width - 90, 190, height - 130
    title = font("sans-bold", 44)
    label = font("sans", 26)
    small = font("sans", 22)
    draw.text((left - 60, 60), subject, font=title, fill=ink)
    region = _map_title(article)
    draw.text((left - 60, 122), f"{region}, {years[0]}–{years[-1]}", font=label,
              fill=mix(ink, background, 0.35))  # fmt: skip
    rule = mix(ink, background, 0.78)
    for i in range(6):
        value = top * i / 5
        y = lower - (lower - upper) * i / 5
        draw.line((left, y, right, y), fill=rule, width=2)
        draw.text((left - 16, y), _tick(value), font=small, fill=ink, anchor="rm")
    draw.line((left, lower, right, lower), fill=ink, width=3)
    slot = (right - left) / len(years)
    for i, y in enumerate(years):
        draw.text((left + slot * (i + 0.5), lower + 18), str(y), font=small,
                  fill=ink, anchor="mt")  # fmt: skip

    def at(i, v):
        return (left + slot * (i + 0.5), lower - (lower - upper) * v / top)

    if kind == "bar":
        bar = slot * 0.34
        for i, (a, b) in enumerate(zip(values, other, strict=True)):
            x, ya = at(i, a)
            _, yb = at(i, b)
            draw.rectangle((x - bar, ya, x, lower), fill=accent)
            draw.rectangle((x, yb, x + bar, lower), fill=second)
        keys = (("Recorded", accent), ("Of which confirmed", second))
    else:
        for series, colour in ((other, second), (values, accent)):
            points = [at(i, v) for i, v in enumerate(series)]
            draw.line(points, fill=colour, width=7, joint="curve")
            for x, y in points:
                draw.ellipse((x - 10, y - 10, x + 10, y + 10), fill=background,
                             outline=colour, width=6)  # fmt: skip
        keys = (("Reported", accent), ("Estimate, low case", second))
    x = right - 600
    for name, colour in keys:
        draw.rectangle((x, 122, x + 28, 150), fill=colour)
        draw.text((x + 40, 136), name, font=label, fill=ink, anchor="lm")
        x += 300
    draw.text((left - 60, height - 60), "Source: Meridian Institute calculations; "
              "illustrative figures.", font=small, fill=mix(ink, background, 0.4))  # fmt: skip
    return image


def _nice_top(value):
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _tick(value):
    return f"{value:,.0f}" if value >= 10 or value == 0 else f"{value:.1f}"


# Photograph-like compositions ---------------------------------------------

SCENES = (
    # sky top, sky bottom, ground
    ((58, 78, 104), (214, 176, 140), (44, 40, 42)),     # dusk over a city
    ((180, 196, 206), (236, 226, 208), (120, 108, 92)),  # haze over the desert
    ((30, 44, 66), (96, 120, 150), (18, 24, 34)),        # night harbour
    ((204, 210, 212), (240, 236, 228), (92, 104, 110)),  # overcast sea
    ((120, 140, 150), (226, 206, 176), (70, 64, 58)),    # morning, old town
)  # fmt: skip


#: What a photograph-like picture shows, for its alt text.
SCENE_ALT = {
    "skyline": {
        "en": "A city skyline at the water's edge in soft evening light",
        "ar": "أفق مدينة على حافة الماء في ضوء المساء الخافت",
    },
    "port": {
        "en": "Container cranes and a cargo ship in a port at dusk",
        "ar": "رافعات حاويات وسفينة شحن في ميناء عند الغسق",
    },
    "dunes": {
        "en": "Desert dunes under a hazy sky",
        "ar": "كثبان صحراوية تحت سماء يغشاها الضباب",
    },
}


def photograph_scene(article) -> str:
    return seeded("scene", article["slug"]).choice(sorted(SCENE_ALT))


def draw_photograph(article, rng) -> Image.Image:
    """A soft, photograph-like scene: a graded sky, a skyline or shore, light, grain."""
    top, bottom, ground = rng.choice(SCENES)
    width, height = LEAD_SIZE
    sky = Image.linear_gradient("L").resize(LEAD_SIZE)
    image = Image.composite(
        Image.new("RGB", LEAD_SIZE, bottom), Image.new("RGB", LEAD_SIZE, top), sky
    )
    # A low sun or lamp glow.
    glow = Image.new("L", (width // 8, height // 8), 0)
    gx, gy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.45, 0.7) * height
    radius = rng.uniform(120, 260)
    ImageDraw.Draw(glow).ellipse(
        ((gx - radius) / 8, (gy - radius) / 8, (gx + radius) / 8, (gy + radius) / 8),
        fill=200,
    )
    glow = glow.filter(ImageFilter.GaussianBlur(radius * 0.075)).resize(
        LEAD_SIZE, Image.Resampling.BILINEAR
    )
    image = Image.composite(Image.new("RGB", LEAD_SIZE, (250, 236, 206)), image, glow)
    draw = ImageDraw.Draw(image)
    horizon = rng.uniform(0.62, 0.74) * height
    scene = photograph_scene(article)
    if scene == "port":
        _port(draw, rng, top, ground, horizon, width)
    elif scene == "dunes":
        _dunes(draw, rng, top, ground, horizon, width, height)
        horizon = height  # no water below the dunes
    else:
        _skyline(draw, rng, top, ground, horizon, width)
    # Water or road below the horizon: reflected light in strokes.
    if horizon < height:
        draw.rectangle((0, horizon + 30, width, height), fill=ground)
    for _ in range(60 if horizon < height else 0):
        y = rng.uniform(horizon + 40, height)
        x = gx + rng.gauss(0, 160)
        length = rng.uniform(30, 220)
        draw.line((x - length / 2, y, x + length / 2, y),
                  fill=mix(ground, (250, 236, 206), rng.uniform(0.15, 0.5)), width=3)  # fmt: skip
    # Out-of-focus lights.
    # (drawn at half size and blurred there, then enlarged: soft, and fast)
    half = (width // 2, height // 2)
    lights = Image.new("RGB", half, (0, 0, 0))
    lights_draw = ImageDraw.Draw(lights)
    for _ in range(rng.randrange(18, 40) if scene != "dunes" else 0):
        x, y = rng.uniform(0, width) / 2, rng.uniform(horizon - 140, height) / 2
        r = rng.uniform(4, 20)
        tone = rng.choice(((255, 214, 150), (255, 240, 220), (180, 200, 230)))
        lights_draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=mix((0, 0, 0), tone, 0.45)
        )
    image = (
        image.reduce(2)
        .filter(ImageFilter.GaussianBlur(1.2))
        .resize(LEAD_SIZE, Image.Resampling.BICUBIC)
    )
    lights = lights.filter(ImageFilter.GaussianBlur(3)).resize(
        LEAD_SIZE, Image.Resampling.BILINEAR
    )
    image = Image.blend(image, _screen(image, lights), 0.8)
    # Vignette and film grain.
    vignette = Image.radial_gradient("L").resize(LEAD_SIZE)
    image = Image.composite(Image.new("RGB", LEAD_SIZE, (12, 14, 18)), image,
                            vignette.point(lambda v: max(0, v - 150) * 0.9))  # fmt: skip
    grain = _noise(LEAD_SIZE, rng).convert("RGB")
    return Image.blend(image, grain, 0.06)


def _skyline(draw, rng, top, ground, horizon, width):
    """A far skyline (hazy), then a near one (dark): towers, domes and cranes."""
    for depth, amount in ((0, 0.45), (1, 0.85)):
        colour = mix(top, ground, amount)
        x = -20.0
        while x < width:
            w = rng.uniform(30, 110) * (1 + depth * 0.4)
            h = rng.uniform(20, 130) * (1 + depth * 0.8)
            base = horizon + depth * 30
            shape = rng.random()
            if shape < 0.12:  # a dome with a minaret
                draw.pieslice(
                    (x, base - h - w / 2, x + w, base - h + w / 2),
                    180,
                    360,
                    fill=colour,
                )
                draw.rectangle((x, base - h, x + w, base), fill=colour)
                draw.rectangle(
                    (x + w + 6, base - h * 2.2, x + w + 16, base), fill=colour
                )
            elif shape < 0.2 and depth == 0:  # a crane
                draw.line(
                    (x + w / 2, base, x + w / 2, base - h * 2.4), fill=colour, width=6
                )
                draw.line(
                    (x - w, base - h * 2.4, x + w * 2, base - h * 2.4),
                    fill=colour,
                    width=5,
                )
            else:
                draw.rectangle((x, base - h, x + w, base), fill=colour)
            x += w + rng.uniform(0, 24)


def _port(draw, rng, top, ground, horizon, width):
    """A container port across the water: cranes, stacks of boxes, a ship."""
    far = mix(top, ground, 0.5)
    near = mix(top, ground, 0.85)
    draw.rectangle((0, horizon - 8, width, horizon + 30), fill=far)
    x = rng.uniform(-60, 40)
    while x < width:
        h = rng.uniform(150, 230)
        draw.line((x, horizon, x, horizon - h), fill=far, width=9)
        draw.line((x + 70, horizon, x + 70, horizon - h), fill=far, width=9)
        draw.line((x - 90, horizon - h, x + 200, horizon - h), fill=far, width=11)
        draw.line((x + 70, horizon - h, x + 150, horizon - h + 60), fill=far, width=5)
        x += rng.uniform(220, 360)
    for row in range(4):
        x = rng.uniform(0, 80)
        while x < width:
            w = rng.uniform(40, 70)
            draw.rectangle((x, horizon - 20 - row * 16, x + w, horizon - 6 - row * 16),
                           fill=mix(far, rng.choice(((150, 60, 50), (50, 80, 110), (180, 170, 150))), 0.25))  # fmt: skip
            x += w + rng.uniform(2, 40)
    ship = rng.uniform(0.1, 0.5) * width
    length = rng.uniform(500, 760)
    draw.polygon([(ship, horizon + 10), (ship + length, horizon + 10),
                  (ship + length - 40, horizon + 70), (ship + 30, horizon + 70)], fill=near)  # fmt: skip
    draw.rectangle(
        (ship + length - 140, horizon - 80, ship + length - 60, horizon + 10), fill=near
    )
    for k in range(8):
        draw.rectangle((ship + 40 + k * (length - 220) / 8, horizon - 30,
                        ship + 30 + (k + 1) * (length - 220) / 8, horizon + 10), fill=mix(near, far, 0.3))  # fmt: skip


def _dunes(draw, rng, top, ground, horizon, width, height):
    """Layers of dunes under a haze, lighter in the distance."""
    sand = rng.choice(((214, 180, 140), (200, 170, 130), (190, 160, 128)))
    for layer in range(5):
        colour = mix(mix(top, sand, 0.6), mix(sand, ground, 0.5), layer / 4)
        base = horizon - 60 + layer * (height - horizon + 60) / 5
        phase, wave = rng.uniform(0, 6.3), rng.uniform(140, 320)
        amplitude = rng.uniform(18, 46) * (1 + layer * 0.3)
        points = [(x, base - amplitude * math.sin(phase + x / wave) - amplitude * 0.4 * math.sin(2.3 * x / wave))
                  for x in range(0, width + 20, 20)]  # fmt: skip
        draw.polygon([*points, (width, height), (0, height)], fill=colour)


def _screen(image, light):

    return ImageChops.screen(image, light)


# Choosing the picture -------------------------------------------------------

#: Articles of these types have no lead image: the demo shows how pages look without one.
WITHOUT_LEAD_IMAGE = {"testimony"}


def lead_image_kind(article) -> str | None:
    """Which picture an article gets: "map", "chart", "photograph" or None."""
    if article["type"] in WITHOUT_LEAD_IMAGE:
        return None
    if article["type"] == "maps-graphics":
        return "map"
    rng = seeded("kind", article["slug"])
    if article["type"] in ("in-depth-report", "policy-note"):
        return rng.choice(("chart", "map"))
    return rng.choice(("map", "chart", "photograph", "photograph"))


DRAWERS = {"map": draw_map, "chart": draw_chart, "photograph": draw_photograph}


def draw_lead_image(article) -> Image.Image | None:
    kind = lead_image_kind(article)
    if kind is None:
        return None
    return DRAWERS[kind](article, seeded("lead", article["slug"]))


def lead_image_alt(article, languages=("en",)) -> dict:
    """Alt text per language, saying what the picture shows."""
    kind = lead_image_kind(article)
    region = _map_title(article)
    region = "the" + region[3:] if region.startswith("The ") else region
    if kind == "map":
        alt = {
            "en": f"Map of {region}, marking the area the piece discusses",
            "ar": "خريطة للمنطقة تُبرز الموقع الذي يتناوله المقال",
        }
    elif kind == "chart":
        subject = CHART_SUBJECTS.get(article["topics"][0], DEFAULT_SUBJECT)[0]
        alt = {
            "en": f"Chart: {subject[0].lower()}{subject[1:]} in {region} over ten years",
            "ar": "رسم بياني لتطور المؤشر الذي يتناوله المقال على مدى عشر سنوات",
        }
    else:
        alt = SCENE_ALT[photograph_scene(article)]
    return {code: text for code, text in alt.items() if code in languages}


# Headshots ------------------------------------------------------------------

SKIN = (
    (238, 214, 190),
    (222, 186, 156),
    (196, 150, 116),
    (160, 112, 80),
    (118, 80, 58),
)
HAIR = (
    (34, 28, 26),
    (70, 50, 36),
    (120, 90, 60),
    (168, 160, 152),
    (52, 46, 44),
    (200, 196, 190),
)
CLOTH = (
    (38, 48, 66),
    (60, 62, 66),
    (98, 74, 58),
    (40, 60, 54),
    (110, 106, 100),
    (26, 28, 32),
)
SHIRT = ((238, 238, 234), (204, 218, 232), (232, 222, 208), (250, 250, 248))


def draw_headshot(person) -> Image.Image:
    """
    A stylised head-and-shoulders portrait: the person's colour, a backdrop of
    its own (studio gradient, bookshelf, window, office blur), a face, hair,
    clothes and sometimes glasses chosen from the slug.
    """
    rng = seeded("headshot", person["slug"])
    colour = person["colour"]
    width, _height = HEADSHOT_SIZE
    backdrop = rng.choice(("studio", "shelves", "window", "office"))
    image = _backdrop(backdrop, colour, rng)
    draw = ImageDraw.Draw(image)
    skin = rng.choice(SKIN)
    shade = mix(skin, (40, 20, 10), 0.18)
    hair = rng.choice(HAIR[:4] if person.get("figure") == "long" else HAIR)
    cloth = mix(rng.choice(CLOTH), colour, 0.25)
    shirt = rng.choice(SHIRT)
    cx = width / 2 + rng.uniform(-40, 40)
    head_w, head_h = rng.uniform(230, 270), rng.uniform(310, 350)
    head_top = rng.uniform(250, 310)
    head = (cx - head_w / 2, head_top, cx + head_w / 2, head_top + head_h)
    chin = head[3]
    long_hair = person.get("figure") == "long"
    style = (
        rng.choice(("bob", "straight", "bun"))
        if long_hair
        else rng.choice(("short", "side", "receding", "curly"))
    )
    # Hair behind the head.
    if style in ("bob", "straight"):
        drop = 120 if style == "bob" else 300
        draw.rounded_rectangle(
            (head[0] - 34, head[1] - 30, head[2] + 34, chin + drop),
            radius=130,
            fill=hair,
        )
    if style == "bun":
        draw.ellipse((cx - 70, head[1] - 95, cx + 70, head[1] + 35), fill=hair)
    # Shoulders: jacket, shirt, collar.
    shoulders = (cx - 330, chin + 90, cx + 330, chin + 700)
    draw.rounded_rectangle(shoulders, radius=240, fill=cloth)
    neck = (cx - 52, chin - 60, cx + 52, chin + 110)
    draw.rectangle(neck, fill=shade)
    draw.polygon(
        [(cx - 95, chin + 95), (cx, chin + 260), (cx + 95, chin + 95)], fill=shirt
    )
    draw.polygon(
        [(cx - 52, chin + 70), (cx, chin + 150), (cx + 52, chin + 70)], fill=shade
    )
    lapel = mix(cloth, (0, 0, 0), 0.2)
    draw.polygon(
        [(cx - 110, chin + 95), (cx - 20, chin + 300), (cx - 150, chin + 330)],
        fill=lapel,
    )
    draw.polygon(
        [(cx + 110, chin + 95), (cx + 20, chin + 300), (cx + 150, chin + 330)],
        fill=lapel,
    )
    if not long_hair and rng.random() < 0.5:  # a tie
        tie = mix(colour, (120, 30, 30), rng.uniform(0.2, 0.6))
        draw.polygon([(cx - 16, chin + 110), (cx + 16, chin + 110), (cx + 24, chin + 250),
                      (cx, chin + 290), (cx - 24, chin + 250)], fill=tie)  # fmt: skip
    elif long_hair and rng.random() < 0.5:  # a scarf
        scarf = mix(colour, (230, 210, 190), 0.35)
        draw.chord((cx - 130, chin + 30, cx + 130, chin + 200), 0, 180, fill=scarf)
    # Face: ears, head, a soft shadow on one side.
    for side in (-1, 1):
        ex = cx + side * head_w / 2
        draw.ellipse(
            (ex - 22, head_top + head_h * 0.42, ex + 22, head_top + head_h * 0.62),
            fill=shade,
        )
    draw.ellipse(head, fill=skin)
    light = rng.choice((-1, 1))
    shadow = Image.new("L", HEADSHOT_SIZE, 0)
    ImageDraw.Draw(shadow).ellipse(
        (
            head[0] + light * head_w * 0.55,
            head[1],
            head[2] + light * head_w * 0.55,
            head[3],
        ),
        fill=70,
    )
    face_mask = Image.new("L", HEADSHOT_SIZE, 0)
    ImageDraw.Draw(face_mask).ellipse(head, fill=255)

    shadow = ImageChops.multiply(shadow, face_mask).filter(ImageFilter.GaussianBlur(30))
    image.paste(Image.new("RGB", HEADSHOT_SIZE, shade), (0, 0), shadow)
    draw = ImageDraw.Draw(image)
    # Hair on top.
    if style == "short":
        draw.chord(
            (head[0] - 6, head[1] - 22, head[2] + 6, head[1] + head_h * 0.55),
            180,
            360,
            fill=hair,
        )
    elif style == "side":
        draw.chord(
            (head[0] - 8, head[1] - 26, head[2] + 8, head[1] + head_h * 0.6),
            170,
            360,
            fill=hair,
        )
        draw.ellipse(
            (head[0] - 8, head[1] + 10, head[0] + 60, head[1] + 120), fill=hair
        )
    elif style == "receding":
        draw.arc(
            (head[0] - 4, head[1] - 8, head[2] + 4, head[1] + head_h * 0.8),
            160,
            200,
            fill=hair,
            width=28,
        )
        draw.arc(
            (head[0] - 4, head[1] - 8, head[2] + 4, head[1] + head_h * 0.8),
            340,
            380,
            fill=hair,
            width=28,
        )
    elif style == "curly":
        for i in range(26):
            angle = math.pi + math.pi * i / 25
            r = rng.uniform(30, 44)
            x = cx + math.cos(angle) * head_w * 0.5
            y = head[1] + head_h * 0.3 + math.sin(angle) * head_h * 0.36
            draw.ellipse((x - r, y - r, x + r, y + r), fill=hair)
    else:  # long styles: a parting and a fringe
        draw.chord(
            (head[0] - 10, head[1] - 24, head[2] + 10, head[1] + head_h * 0.5),
            180,
            360,
            fill=hair,
        )
        part = cx + rng.uniform(-40, 40)
        draw.pieslice(
            (part - 160, head[1] - 10, part + 60, head[1] + 200), 180, 300, fill=hair
        )
    # Features: brows, closed-smile line, glasses for some.
    eye_y = head_top + head_h * 0.5
    features = mix(skin, (30, 20, 16), 0.55)
    for side in (-1, 1):
        ex = cx + side * head_w * 0.2
        draw.line(
            (ex - 26, eye_y - 26, ex + 26, eye_y - 30 + side * 2),
            fill=mix(hair, skin, 0.2),
            width=8,
        )
        draw.ellipse((ex - 9, eye_y - 7, ex + 9, eye_y + 7), fill=features)
    draw.line((cx - 6, eye_y + 20, cx - 12, eye_y + 68), fill=shade, width=6)
    draw.arc(
        (cx - 44, eye_y + 62, cx + 44, eye_y + 112),
        20,
        160,
        fill=mix(skin, (120, 50, 50), 0.4),
        width=6,
    )
    if rng.random() < 0.4:
        frame = rng.choice(((30, 30, 34), (110, 80, 50), (150, 150, 156)))
        for side in (-1, 1):
            ex = cx + side * head_w * 0.2
            draw.rounded_rectangle(
                (ex - 40, eye_y - 28, ex + 40, eye_y + 26),
                radius=14,
                outline=frame,
                width=6,
            )
        draw.line(
            (cx - head_w * 0.2 + 40, eye_y - 6, cx + head_w * 0.2 - 40, eye_y - 6),
            fill=frame,
            width=5,
        )
    # A shallow depth of field: soften everything a touch, grain on top.
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    grain = _noise(HEADSHOT_SIZE, rng).convert("RGB")
    return Image.blend(image, grain, 0.05)


def _backdrop(kind, colour, rng):
    width, height = HEADSHOT_SIZE
    light = mix(colour, (255, 255, 255), 0.55)
    dark = mix(colour, (0, 0, 0), 0.35)
    if kind == "studio":
        glow = Image.radial_gradient("L").resize(HEADSHOT_SIZE)
        return Image.composite(Image.new("RGB", HEADSHOT_SIZE, dark),
                               Image.new("RGB", HEADSHOT_SIZE, light), glow)  # fmt: skip
    image = Image.new("RGB", HEADSHOT_SIZE, mix(colour, (230, 226, 218), 0.5))
    draw = ImageDraw.Draw(image)
    if kind == "shelves":
        for shelf in range(0, height, 170):
            draw.rectangle((0, shelf + 150, width, shelf + 170), fill=dark)
            x = 0.0
            while x < width:
                w = rng.uniform(18, 42)
                h = rng.uniform(90, 145)
                tone = mix(
                    colour,
                    rng.choice(
                        ((180, 60, 50), (40, 60, 90), (220, 200, 160), (60, 80, 60))
                    ),
                    0.5,
                )
                draw.rectangle((x, shelf + 150 - h, x + w, shelf + 150), fill=tone)
                x += w + rng.uniform(1, 6)
    elif kind == "window":
        draw.rectangle((0, 0, width, height), fill=mix(colour, (200, 210, 220), 0.55))
        for x in range(int(rng.uniform(-100, 60)), width, 260):
            draw.rectangle((x, 0, x + 24, height), fill=dark)
        draw.rectangle((0, 420, width, 440), fill=dark)
    else:  # office: soft blocks of furniture and lamps
        for _ in range(14):
            x, y = rng.uniform(0, width), rng.uniform(0, height)
            w, h = rng.uniform(80, 260), rng.uniform(80, 300)
            draw.rectangle(
                (x, y, x + w, y + h),
                fill=mix(colour, rng.choice((light, dark, (240, 230, 200))), 0.6),
            )
    return image.filter(ImageFilter.GaussianBlur(18))
