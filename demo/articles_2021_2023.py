"""
Demo articles published 2021-2023 (English text).

Each dict is one article. ``date`` is local time in America/New_York; the
generator adds the UTC offset. ``series`` is (series name, number). Author notes
are built from the authors' ``note`` lines unless ``author_note`` is given.
"""

ARTICLES = [
    {
        "slug": "reading-tehrans-enrichment-signals",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3402),
        "date": "2021-02-09 09:00",
        "authors": ["leila-navabi", "thomas-brandt"],
        "topics": ["arms-control-proliferation", "sanctions"],
        "regions": ["iran"],
        "title": "Reading Tehran's Enrichment Signals",
        "summary": "Iran's recent steps away from its nuclear commitments are calibrated to be reversible. Washington should treat them as an opening bid, test them quickly, and avoid paying in advance for a return to compliance.",
        "body": """
<p><strong>A message in centrifuges.</strong> Over the past two months Iran has raised the enrichment level at its underground plant, installed additional cascades of advanced centrifuges and announced limits on short-notice inspections. Each of these moves is serious on its own. Taken together, however, they have a recognizable shape: almost all of them can be undone within weeks, and none of them yet removes the inspectors' ability to see what is happening.</p>
<p><strong>Why reversibility matters.</strong> Tehran is signaling that it wants leverage for a negotiation, not a sprint toward a weapon. The distinction is not academic. Steps that destroy knowledge, such as the accumulation of experience with advanced machines, cannot be reversed by any agreement; steps that only add stockpile can be diluted or shipped abroad. Policymakers should track the first category closely and be <em>less</em> alarmed by headline numbers in the second. The reporting of the <a href="https://www.iaea.org/newscenter/focus/iran">International Atomic Energy Agency</a> remains the best public record of which is which.</p>
<p><strong>What sanctions can buy.</strong> A quick return to the old bargain would require Washington to lift measures that took years to build, in exchange for steps Iran can retake in months. That asymmetry argues for sequencing rather than a single exchange: limited relief, such as access to frozen funds for humanitarian purchases, matched step by step with verified rollbacks. Our colleague Thomas Brandt develops that sequence in <a href="/policy-analysis/sanctions-relief-without-illusions">a longer policy note</a>.</p>
<p><strong>The test ahead.</strong> The most useful thing the United States and its European partners can do now is to make a concrete offer with a short deadline. If Tehran's signals are an opening bid, it will respond; if they are cover for something else, the monitoring gap will widen, and that, rather than any enrichment percentage, should be the trigger for a harder line.</p>
""",
    },
    {
        "slug": "lebanon-currency-collapse-limits-donor-patience",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3415),
        "date": "2021-04-20 10:30",
        "authors": ["karim-haddad"],
        "topics": ["energy-economics", "democracy-reform"],
        "regions": ["lebanon"],
        "title": "Lebanon's Currency Collapse and the Limits of Donor Patience",
        "summary": "The Lebanese pound has lost most of its value and the state cannot agree on who should bear the losses of the banking system. Donors should keep humanitarian aid flowing while refusing to finance a government that will not reform.",
        "body": """
<p><strong>A crisis of allocation.</strong> Lebanon's financial collapse is often described as a shortage of dollars. It is better understood as a refusal to decide who pays. The losses sitting in the central bank and the commercial banks are enormous, and every month without a plan transfers more of them to ordinary depositors through an informal and unequal devaluation.</p>
<p><strong>Subsidies that subsidize the wrong people.</strong> The central bank has spent its remaining reserves financing imports of fuel, wheat and medicine at an artificial rate. Much of that fuel is smuggled across the border or hoarded for resale. Replacing blanket subsidies with targeted cash transfers is the obvious first step, and the <a href="https://www.worldbank.org/en/country/lebanon">World Bank</a> has offered financing for exactly such a program. The obstacle is political, not technical.</p>
<p><strong>What donors should do.</strong> Outside governments face a genuine dilemma: withholding money punishes a population that did not cause the crisis, but lending to the state rewards the elites who did. The answer is to separate the two streams. Humanitarian support should flow through the United Nations and trusted local organizations; budget support should wait for a credible loss-sharing plan and an audit of the central bank. Donors should say so <em>publicly</em>, so that Lebanese voters know what is on offer.</p>
<p><strong>The regional dimension.</strong> Lebanon's collapse also weakens the state institutions that are the only realistic counterweight to armed groups. As Gulf donors have learned from <a href="/policy-analysis/syria-earthquake-diplomacy-normalization-trap">the debate over engagement with Damascus</a>, money that bypasses reform tends to entrench the actors it was meant to sideline.</p>
""",
    },
    {
        "slug": "sanctions-relief-without-illusions",
        "type": "policy-note",
        "series": ("Policy Note", 101),
        "date": "2021-06-15 09:00",
        "authors": ["thomas-brandt"],
        "topics": ["sanctions", "arms-control-proliferation"],
        "regions": ["iran"],
        "title": "Sanctions Relief Without Illusions",
        "subtitle": "Sequencing Economic Incentives in a Return to Nuclear Compliance",
        "summary": "Sanctions relief is the main currency of any nuclear deal with Iran, yet it is usually designed as an afterthought. This note proposes a sequence that ties each tranche of relief to verified steps and keeps the most valuable measures in reserve.",
        "body": """
<p><strong>The problem.</strong> Diplomacy with Iran has repeatedly stumbled over the same question: what exactly does Tehran receive, and when? Relief that arrives all at once leaves Washington with little leverage afterward; relief that is promised but never felt by Iranian businesses convinces Tehran that the bargain is hollow. Both failures have happened before.</p>
<h3>Three tranches</h3>
<p><strong>First, humanitarian liquidity.</strong> Access to restricted funds held abroad, usable only for food, medicine and medical equipment through audited channels, can be offered early because it is hard to divert at scale and easy to suspend. <strong>Second, trade in non-strategic sectors</strong>, which should follow verified reductions in enriched uranium stockpiles. <strong>Third, oil and banking</strong>, the measures Iran wants most, should be tied to the restoration of full inspections, including the access described in the <a href="https://www.iaea.org/topics/additional-protocol">Additional Protocol</a>.</p>
<h3>Making relief real</h3>
<p>Relief only works if banks believe it. Guidance from the Treasury, comfort letters to European banks and a clear process for delisting entities are as important as the legal waivers themselves. An agreement that lifts sanctions on paper while leaving compliance officers <em>afraid to touch Iranian business</em> will produce exactly the resentment that ended the last one.</p>
<h3>Snapback and its limits</h3>
<p>The ability to restore sanctions is necessary but overrated. Once companies have left a market, they do not rush back, and once they have returned, re-imposing measures is costly for allies. The credible deterrent is the tranche that has not yet been paid. This logic also informs our reading of <a href="/policy-analysis/reading-tehrans-enrichment-signals">Iran's recent nuclear signals</a>.</p>
""",
    },
    {
        "slug": "after-kabul-gulf-partners-recalculating",
        "type": "op-ed",
        "outlet": {
            "name": "The Capital Courier",
            "url": "https://capitalcourier.example/opinion/after-kabul-gulf-partners",
            "date": "September 7, 2021",
        },
        "date": "2021-09-08 08:00",
        "authors": ["dana-halvorsen"],
        "topics": ["gulf-security", "great-power-competition"],
        "regions": ["gulf-states", "qatar"],
        "title": "After Kabul, Gulf Partners Are Recalculating",
        "summary": "The chaotic withdrawal from Afghanistan has not made Gulf rulers abandon the United States, but it has accelerated their search for other options. Washington should respond with clarity about its commitments, not with reassurance rituals.",
        "body": """
<p><strong>Not a rupture, a hedge.</strong> In the weeks since the evacuation from Kabul, officials in Gulf capitals have been asking a blunt question: if Washington could leave Afghanistan this way, what would it do here? The answer most of them have reached is not to break with the United States, whose forces and weapons remain irreplaceable, but to buy more insurance elsewhere.</p>
<p><strong>Qatar's moment.</strong> Doha's role in hosting evacuation flights and talking to the Taliban has shown the value of a small state that keeps channels open to everyone. Other Gulf governments have noticed. Expect more mediation, more direct talks with Tehran and more technology deals with Beijing, each presented as <em>complementary</em> to the American relationship.</p>
<p><strong>What Washington should offer.</strong> Reassurance visits and arms packages will not answer the question Gulf leaders are asking. What would help is a clear statement of which threats the United States will help defend against, and which it will not, backed by the integrated air defense cooperation that matters most to them. We have argued elsewhere that <a href="/policy-analysis/drone-attacks-gulf-infrastructure-pattern">the drone threat to Gulf infrastructure</a> is the right place to start.</p>
<p>The full article is available from <a href="https://capitalcourier.example/opinion/after-kabul-gulf-partners">The Capital Courier</a>.</p>
""",
    },
    {
        "slug": "drone-attacks-gulf-infrastructure-pattern",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3451),
        "date": "2021-11-16 09:00",
        "authors": ["dana-halvorsen", "harold-whitcombe"],
        "topics": ["military-security", "technology-cyber", "gulf-security"],
        "regions": ["saudi-arabia", "united-arab-emirates"],
        "title": "Drone Attacks on Gulf Infrastructure: A Pattern, Not a Spike",
        "summary": "Attacks by drones and cruise missiles on Gulf oil facilities, airports and desalination plants are now routine. They are cheap, hard to attribute and designed to stay below the threshold of a military response; defenses need to be organized accordingly.",
        "body": """
<p><strong>The new normal.</strong> Three years ago a coordinated strike on Saudi oil processing facilities briefly removed half of the kingdom's output and shocked markets. Since then, attacks on Gulf infrastructure have become so frequent that most no longer make international headlines. That quiet is misleading: the volume of launches has risen, and the targets have widened from oil installations to airports and water plants.</p>
<p><strong>Cheap weapons, expensive defenses.</strong> A one-way attack drone can cost a few tens of thousands of dollars; the interceptor used to stop it can cost more than a million. The attacker does not need to succeed often, only often enough to force the defender to spend. This is why point defense of individual sites, however capable, is a losing proposition over time. The <a href="https://www.sipri.org/databases/armstransfers">SIPRI arms transfers database</a> shows how quickly Gulf states have added interceptor stocks, and how unevenly.</p>
<p><strong>Attribution and response.</strong> Launches come from Yemen, from Iraq and occasionally from places no one will name. Iran's role in supplying designs and components is well documented, but the deniability built into the supply chain is <em>deliberate</em>: it lets Tehran apply pressure without inviting retaliation on its own territory.</p>
<p><strong>What to do.</strong> Shared early warning across the Gulf states, cheaper layered defenses and interdiction of components at sea would all help more than another battery of long-range interceptors. These are unglamorous measures, and that is partly why they have been neglected. The political conditions for regional cooperation are examined in <a href="/policy-analysis/after-kabul-gulf-partners-recalculating">our assessment of Gulf hedging after Kabul</a>.</p>
""",
    },
    {
        "slug": "countering-iranian-proxy-networks-iraq-syria",
        "type": "testimony",
        "venue": "Senate Committee on Foreign Relations, Subcommittee on Near East, South Asia, Central Asia, and Counterterrorism",
        "hearing_date": "2022-02-22",
        "date": "2022-02-22 14:30",
        "authors": ["harold-whitcombe"],
        "topics": ["terrorism-counterterrorism", "military-security"],
        "regions": ["iraq", "syria", "iran"],
        "title": "Countering Iranian Proxy Networks in Iraq and Syria",
        "summary": "Testimony on the structure of Iran-aligned armed groups in Iraq and Syria, their sources of money, and the policy tools that could weaken them without destabilizing the Iraqi state.",
        "body": """
<p>Chairman, Ranking Member, members of the subcommittee: thank you for the opportunity to testify on the armed groups that Iran supports in Iraq and Syria.</p>
<p><strong>Networks, not a monolith.</strong> It is tempting to describe these groups as an Iranian army abroad. The reality is messier. Some are tightly controlled by Iran's Revolutionary Guard; others are Iraqi political movements with their own interests that accept Iranian money and guidance when it suits them. Policy that treats them as one block pushes the more independent factions closer to Tehran.</p>
<p><strong>Follow the budget.</strong> The most powerful of these groups are now funded in large part by the Iraqi state itself, through salaries paid under the umbrella of the Popular Mobilization Forces, and through control of border crossings, checkpoints and contracts. Sanctions designations have a role, and the <a href="https://ofac.treasury.gov/">Treasury's Office of Foreign Assets Control</a> has used them well, but the decisive lever is Iraqi budget transparency. I urge the committee to make <em>payroll audits</em> a condition of security assistance.</p>
<p><strong>Force protection and restraint.</strong> U.S. forces in Iraq and Syria will remain targets for rocket and drone attacks. Responses should be proportionate and aimed at the units responsible, and they should be explained to the Iraqi public. Strikes that appear to humiliate the Iraqi government help the militias recruit.</p>
<p><strong>Recommendations.</strong> Support the Iraqi prime minister's office in consolidating control over the security budget; keep a modest American presence in support of the campaign against the Islamic State; and coordinate designations with European partners. Our analysis of <a href="/policy-analysis/drone-attacks-gulf-infrastructure-pattern">the drone campaign against Gulf infrastructure</a> shows that the same networks supply weapons well beyond Iraq.</p>
""",
        "author_note": "",
    },
    {
        "slug": "energy-prices-gulf-leverage-after-ukraine",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3478),
        "date": "2022-03-29 09:00",
        "authors": ["dana-halvorsen", "thomas-brandt"],
        "topics": ["energy-economics", "great-power-competition"],
        "regions": ["gulf-states", "saudi-arabia"],
        "title": "Energy Prices and Gulf Leverage After the Invasion of Ukraine",
        "summary": "Russia's invasion of Ukraine has made Gulf oil producers more important to Western economies than at any time in a decade. Riyadh and Abu Dhabi intend to use that leverage, and Washington should be realistic about what it can ask of them.",
        "body": """
<p><strong>Spare capacity is power.</strong> Only a handful of producers can raise output quickly, and most of them are in the Gulf. With oil prices rising sharply after the invasion of Ukraine, Western capitals have asked Saudi Arabia and the United Arab Emirates to pump more. So far the answer has been polite and noncommittal. That is not an accident.</p>
<p><strong>The OPEC+ calculation.</strong> Since 2016 Riyadh has coordinated production with Moscow, and that arrangement has given it influence over prices it did not have alone. Breaking with Russia now would mean giving up a tool that Saudi planners consider essential to financing their economic transformation. Gulf officials also remember that Western demand for their oil is expected to decline over time, which makes them <em>reluctant to sacrifice long-term revenue</em> for a short-term favor.</p>
<p><strong>What the Gulf wants.</strong> In private, Gulf officials link energy cooperation to security guarantees, support against attacks from Yemen and a less critical tone on domestic issues. Some of these requests are reasonable; others are not. Washington should separate them and be explicit about which it can meet. Market data from the <a href="https://www.eia.gov/international/analysis/country/SAU">U.S. Energy Information Administration</a> suggest that even a willing Riyadh could add only a limited volume in the near term.</p>
<p><strong>A longer view.</strong> The crisis is a reminder that the Gulf's leverage rises and falls with prices. The smartest Western policy is to build relationships that do not depend on it, a theme we return to in <a href="/policy-analysis/after-kabul-gulf-partners-recalculating">our work on Gulf hedging</a>.</p>
""",
    },
    {
        "slug": "turkey-between-blocs",
        "type": "in-depth-report",
        "series": ("Policy Focus", 171),
        "date": "2022-05-17 09:00",
        "authors": ["elias-marchetti"],
        "topics": ["great-power-competition", "military-security"],
        "regions": ["turkey", "syria"],
        "title": "Turkey Between the Blocs",
        "subtitle": "Ankara's Hedging Strategy in an Era of Great Power Rivalry",
        "summary": "Turkey is a NATO member that buys Russian air defenses, mediates between Moscow and Kyiv, and keeps troops in Syria, Iraq and Libya. This study explains the logic of Ankara's hedging and argues that Western policy should engage with it rather than wish it away.",
        "body": """
<p><strong>An ally that bargains.</strong> For two decades Turkey has pursued what its officials call strategic autonomy: membership in the Western alliance combined with freedom to deal with Russia, China and the Gulf on its own terms. Critics see opportunism; Turkish policymakers see the normal behavior of a middle power surrounded by wars. This study argues that both views miss the structural drivers.</p>
<h3>Geography and dependence</h3>
<p>Turkey imports most of its energy, much of it from Russia, and controls the straits that link the Black Sea to the Mediterranean. Those two facts give it leverage and vulnerability at once. The war in Ukraine has increased both: Ankara's control of naval passage under the <a href="https://www.mfa.gov.tr/the-convention-regarding-the-regime-of-straits.en.mfa">Montreux Convention</a> has made it indispensable, while its economic exposure to Russia limits how far it will go.</p>
<h3>The Syrian theater</h3>
<p>Nowhere is Turkish hedging more visible than in northern Syria, where Turkish forces coexist with Russian patrols, American special operations units and Kurdish-led forces that Ankara considers terrorists. Turkey's priority there is <em>preventing a Kurdish-governed zone</em> on its border, and it has traded with every party to achieve it.</p>
<h3>Recommendations</h3>
<p>Washington and its European partners should stop treating each Turkish deal with Moscow as a test of loyalty. A more productive approach would set clear red lines on defense technology, offer real cooperation on the Black Sea, and address Turkish security concerns in Syria directly. Regional responses to proliferation pressure, including Turkey's, are examined in <a href="/policy-analysis/proliferation-pressure-points">a later Institute study</a>.</p>
""",
    },
    {
        "slug": "egypt-wheat-problem-fiscal-problem",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3502),
        "date": "2022-07-12 09:00",
        "authors": ["noura-el-sayed"],
        "topics": ["energy-economics", "democracy-reform"],
        "regions": ["egypt", "north-africa"],
        "title": "Egypt's Wheat Problem Is a Fiscal Problem",
        "summary": "Egypt is one of the world's largest wheat importers, and the war in Ukraine has raised the cost of feeding its population just as its debt payments rise. Solving the bread problem requires solving the budget problem.",
        "body": """
<p><strong>Bread and the budget.</strong> Tens of millions of Egyptians rely on subsidized bread, and the government buys much of the wheat to make it on international markets, historically from Russia and Ukraine. When grain prices jumped this spring, the cost to the treasury rose at the worst possible moment: investors were pulling money out of emerging markets and the Egyptian pound was under pressure.</p>
<p><strong>A structural gap.</strong> The wheat shock exposed a deeper weakness. Egypt finances a large share of its spending by borrowing, much of it short-term and in foreign currency, and interest payments now consume a very large part of government revenue. Every external shock, whether a pandemic or a war, therefore becomes a <em>financing</em> crisis within weeks.</p>
<p><strong>What reform would look like.</strong> A new program with the <a href="https://www.imf.org/en/Countries/EGY">International Monetary Fund</a> is likely, and it will ask for a more flexible exchange rate and a smaller footprint for state-linked companies in the economy. The bread subsidy itself should be protected, but better targeted, and the savings from ending fuel subsidies for wealthier consumers should fund it. The political difficulty lies less with bread than with the business interests of powerful institutions.</p>
<p><strong>The regional stakes.</strong> Egypt's stability matters to everyone from Gulf investors to European governments worried about migration. The Gulf's windfall from high energy prices, discussed in <a href="/policy-analysis/energy-prices-gulf-leverage-after-ukraine">our analysis of post-invasion oil markets</a>, gives Cairo's partners the means to help, if they attach the right conditions.</p>
""",
    },
    {
        "slug": "hormuz-seizures-iranian-naval-doctrine",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3519),
        "date": "2022-09-20 09:00",
        "authors": ["daniel-reyes"],
        "topics": ["maritime-security", "military-security"],
        "regions": ["iran", "oman"],
        "title": "What the Hormuz Seizures Tell Us About Iranian Naval Doctrine",
        "summary": "Iran's seizures of commercial tankers and its harassment of naval vessels follow a consistent doctrine: small boats, deniable pressure and carefully chosen targets. Understanding that doctrine is the key to deterring it.",
        "body": """
<p><strong>Two navies, one strategy.</strong> Iran has a conventional navy and a separate naval force within the Revolutionary Guard. The second is the one that seizes tankers. It operates fast attack boats, mines and coastal missiles, and it trains for swarming tactics in the narrow waters of the Strait of Hormuz. Its purpose is not to win a sea battle but to make shipping in the Gulf <em>feel unsafe</em> whenever Tehran wants to make a point.</p>
<p><strong>Target selection.</strong> The seizures of the past three years have not been random. They have targeted ships linked to disputes over Iranian oil cargoes, ships flagged by states with which Tehran had a quarrel, and ships whose owners were unlikely to receive strong diplomatic backing. The message is tailored, and insurers read it quickly.</p>
<p><strong>Deterrence at sea.</strong> Escort operations are expensive and cannot cover every vessel. A more sustainable approach combines persistent surveillance, including unmanned surface vessels, with rapid public disclosure of Iranian actions and coordinated responses by flag states. The <a href="https://www.imo.org/en/OurWork/Security/Pages/Default.aspx">International Maritime Organization</a> provides a forum for the latter that is underused.</p>
<p><strong>Oman's role.</strong> Muscat shares the strait with Iran and keeps close ties to Tehran. Its quiet mediation has resolved more than one seizure, and Washington should support that channel rather than bypass it. For the broader pattern of deniable pressure in the Gulf, see <a href="/policy-analysis/drone-attacks-gulf-infrastructure-pattern">our analysis of drone attacks on infrastructure</a>.</p>
""",
    },
    {
        "slug": "israel-new-coalition-palestinian-authority-fragility",
        "type": "op-ed",
        "outlet": {
            "name": "Harbor Review",
            "url": "https://harborreview.example/2022/11/israel-coalition-palestinian-authority",
            "date": "November 21, 2022",
        },
        "date": "2022-11-22 08:00",
        "authors": ["miriam-sorel"],
        "topics": ["israeli-palestinian-relations", "democracy-reform"],
        "regions": ["israel"],
        "title": "Israel's New Coalition and the Palestinian Authority's Fragility",
        "summary": "Israel's incoming government includes parties that reject the Palestinian Authority outright. If the Authority collapses, Israel will inherit responsibilities it does not want, and security coordination should be protected from coalition politics.",
        "body": """
<p><strong>An authority on the edge.</strong> The Palestinian Authority is unpopular, short of money and led by an aging leadership that has not faced voters in more than fifteen years. It is also the only institution that employs the teachers, police and doctors of the West Bank. Israel's new government takes office at the moment when the Authority's survival can no longer be taken for granted.</p>
<p><strong>Coordination is not a favor.</strong> Several of the incoming coalition's partners describe security coordination with Palestinian forces as a concession. Israeli security officials have long seen it differently: as a tool that saves Israeli lives. If revenue transfers are withheld and the Authority cannot pay its security forces, the vacuum will be filled by armed groups, <em>not by Israeli administration</em>.</p>
<p><strong>What outsiders can do.</strong> Arab states that have normalized relations with Israel have more influence over the new coalition than they realize, and donors can help stabilize the Authority's finances while pressing for overdue reform. Figures published by the <a href="https://www.worldbank.org/en/country/westbankandgaza">World Bank</a> show how thin the margin already is.</p>
<p>Read the full article in <a href="https://harborreview.example/2022/11/israel-coalition-palestinian-authority">Harbor Review</a>. For a regional cooperation agenda that does not wait for politics, see <a href="/policy-analysis/jordan-water-deficit-regional-swaps">our work on water swaps</a>.</p>
""",
    },
    {
        "slug": "arms-sales-alliance-management",
        "type": "policy-note",
        "series": ("Policy Note", 102),
        "date": "2022-12-13 09:00",
        "authors": ["dana-halvorsen", "daniel-reyes"],
        "topics": ["military-security", "gulf-security", "arms-control-proliferation"],
        "regions": ["saudi-arabia", "united-arab-emirates"],
        "title": "Arms Sales as Alliance Management",
        "subtitle": "Conditioning U.S. Transfers to Gulf Partners",
        "summary": "American arms sales to the Gulf are usually debated as a yes-or-no question. This note argues for treating them as a tool of alliance management: tied to integration, interoperability and clear rules on use.",
        "body": """
<p><strong>Beyond yes or no.</strong> Congressional debates over major sales to Saudi Arabia and the United Arab Emirates tend to become referendums on the partner itself. That framing wastes the leverage that sales provide. Every transfer comes with years of training, spare parts and software updates, and it is in that long tail that Washington can shape how weapons are used.</p>
<h3>Three conditions that work</h3>
<p><strong>Integration.</strong> Sales of air and missile defense systems should be tied to participation in a shared early-warning picture, which protects everyone and reduces the incentive to buy incompatible systems elsewhere. <strong>End-use transparency.</strong> Monitoring requirements should be realistic and enforced, as the <a href="https://www.pmddtc.state.gov/">State Department's defense trade controls</a> already allow. <strong>Targeting practice.</strong> Training on civilian harm mitigation should accompany precision munitions, with reporting obligations that have consequences.</p>
<h3>What to avoid</h3>
<p>Conditions that are announced loudly and then waived quietly are worse than none. They persuade partners that American concerns are theater, and they <em>push buyers toward suppliers</em> who ask no questions at all. Credibility comes from a small number of conditions that are actually applied.</p>
<h3>Why now</h3>
<p>Gulf partners are diversifying suppliers, and the window for setting the terms of the next generation of systems is short. The drone threat described in <a href="/policy-analysis/drone-attacks-gulf-infrastructure-pattern">our earlier analysis</a> gives both sides a shared interest to build on.</p>
""",
    },
    {
        "slug": "syria-earthquake-diplomacy-normalization-trap",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3561),
        "date": "2023-02-21 09:00",
        "authors": ["karim-haddad"],
        "topics": ["human-rights", "democracy-reform"],
        "regions": ["syria", "turkey"],
        "title": "Syria's Earthquake Diplomacy and the Normalization Trap",
        "summary": "The earthquake that struck Turkey and northern Syria has given Damascus an opening to end its isolation. Aid must reach the victims quickly, but governments should not let disaster relief become normalization without conditions.",
        "body": """
<p><strong>A disaster in a divided country.</strong> The earthquake of February 6 killed tens of thousands of people in southern Turkey and northern Syria. In Syria, the worst-hit areas are split between government control and opposition-held territory in the northwest, where more than four million people depend on aid delivered through a single border crossing. For days after the quake, almost nothing arrived.</p>
<p><strong>Damascus seizes the moment.</strong> The Syrian government has used the crisis to invite foreign ministers to the capital and to press for sanctions relief. Several Arab governments have responded with visits and aid flights. Some of this engagement is humanitarian; much of it is <em>political</em>, and it was under way before the earthquake.</p>
<p><strong>Aid without reward.</strong> Humanitarian exemptions to sanctions already exist and were widened after the disaster. The priority should be to get more crossings opened into the northwest, monitored by the <a href="https://www.unocha.org/syrian-arab-republic">UN humanitarian office</a>, and to ensure that reconstruction money does not flow through the security services responsible for the war's worst abuses. Engagement can be justified; rewarding the government for access it should grant unconditionally cannot.</p>
<p><strong>Lessons from Lebanon.</strong> The Gulf's experience in Lebanon, described in <a href="/policy-analysis/lebanon-currency-collapse-limits-donor-patience">our analysis of the currency collapse</a>, shows what happens when money arrives without reform: it is captured by the networks it was meant to bypass.</p>
""",
    },
    {
        "slug": "saudi-iranian-detente-thaw-or-pause",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3570),
        "date": "2023-03-16 09:00",
        "authors": ["dana-halvorsen", "leila-navabi"],
        "topics": ["gulf-security", "great-power-competition"],
        "regions": ["saudi-arabia", "iran"],
        "title": "The Saudi-Iranian Détente: Durable Thaw or Tactical Pause?",
        "summary": "Saudi Arabia and Iran have agreed to restore diplomatic relations in a deal announced in Beijing. The agreement reflects real interests on both sides, but it manages the rivalry rather than ending it.",
        "body": """
<p><strong>Why now.</strong> The agreement to reopen embassies within two months follows two years of quiet talks hosted by Iraq and Oman. For Riyadh, the priority is to end the war in Yemen and protect the economic transformation it has staked its future on; attacks on its oil facilities showed how vulnerable that project is. For Tehran, the deal eases isolation at a time of protests at home and a stalled nuclear negotiation.</p>
<p><strong>China's role.</strong> Beijing's sponsorship is the headline, but its role was more that of a guarantor of last resort than a mediator. China buys oil from both countries and wants calm in the Gulf. It did not <em>create</em> the agreement; it gave both sides a prestigious venue to announce one they had largely negotiated elsewhere.</p>
<p><strong>What to watch.</strong> Three indicators will show whether the thaw is durable: whether cross-border attacks from Yemen stop, whether Iran restrains its partners in Iraq, and whether Iranian state media moderates its coverage of the kingdom. The nuclear file remains the wild card; the regional consequences of an Iranian breakout are analyzed in <a href="/policy-analysis/proliferation-pressure-points">our study of proliferation pressure points</a>.</p>
<p><strong>Implications for Washington.</strong> The United States should welcome de-escalation while recognizing that it was not at the table. The <a href="https://www.un.org/securitycouncil/">UN Security Council</a> can help consolidate the Yemen track, where American diplomacy retains real influence.</p>
""",
    },
    {
        "slug": "jordan-water-deficit-regional-swaps",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3584),
        "date": "2023-04-25 09:00",
        "authors": ["noura-el-sayed", "miriam-sorel"],
        "topics": ["energy-economics", "israeli-palestinian-relations"],
        "regions": ["jordan", "israel"],
        "title": "Jordan's Water Deficit and the Case for Regional Swaps",
        "summary": "Jordan is one of the most water-scarce countries on earth, and its deficit is growing. A proposed exchange of Jordanian solar power for Israeli desalinated water is politically difficult but economically sound.",
        "body": """
<p><strong>A country running dry.</strong> Jordan's renewable water resources per person are a small fraction of the international scarcity threshold, and its population has grown rapidly, in part because of the arrival of refugees from Iraq and Syria. Groundwater is being pumped faster than it recharges. Without new supply, shortages will become a permanent feature of summer in Amman.</p>
<p><strong>The swap.</strong> Jordan has abundant sun and land for solar power; Israel has coastline and desalination capacity. An exchange of electricity for water would give each side something it needs. The idea has been studied in detail and has support from Gulf investors. Its weakness is <em>political</em>: many Jordanians oppose deeper dependence on Israel while the Palestinian question remains unresolved.</p>
<p><strong>Making it resilient.</strong> The answer is not to abandon the project but to design it so that neither side can use supply as a weapon: multiple suppliers, commercial contracts rather than government favors, and Jordan's own desalination plant on the Red Sea, which should proceed in parallel. Data from the <a href="https://www.fao.org/aquastat/en/">FAO's AQUASTAT</a> make the urgency plain.</p>
<p><strong>Beyond water.</strong> Practical cooperation can survive political storms only if it is visibly fair. The fragility of Palestinian institutions, discussed in <a href="/policy-analysis/israel-new-coalition-palestinian-authority-fragility">our analysis of Israel's new coalition</a>, is the main risk to any regional scheme.</p>
""",
    },
    {
        "slug": "proliferation-pressure-points",
        "type": "in-depth-report",
        "series": ("Policy Focus", 173),
        "date": "2023-06-13 09:00",
        "authors": ["leila-navabi", "elias-marchetti"],
        "topics": ["arms-control-proliferation", "great-power-competition"],
        "regions": ["iran", "saudi-arabia", "turkey"],
        "title": "Proliferation Pressure Points",
        "subtitle": "How Regional States Would Respond to an Iranian Breakout",
        "summary": "If Iran were to produce weapons-grade uranium, its neighbors would face pressure to respond in kind. This study examines the options open to Saudi Arabia, Turkey and others, and the policies that could keep a single breakout from becoming a regional cascade.",
        "body": """
<p><strong>The cascade question.</strong> For two decades analysts have warned that an Iranian bomb would lead others in the region to seek their own. The historical record is more reassuring than the warnings suggest: most states that could have built nuclear weapons have chosen not to. But Iran's program is now closer to the threshold than ever, and the regional context has changed.</p>
<h3>Saudi Arabia</h3>
<p>Riyadh has said openly that it would match an Iranian weapon. It lacks the infrastructure to do so quickly, and a civil nuclear program built with American partners would come with strict safeguards. The practical risk is less a Saudi bomb than a Saudi demand for <em>enrichment rights</em> that would weaken the global norm.</p>
<h3>Turkey</h3>
<p>Turkey hosts NATO nuclear weapons and has technical capacity, but a weapons program would rupture its alliance ties and its economy. As argued in <a href="/policy-analysis/turkey-between-blocs">our study of Turkish hedging</a>, Ankara prefers to keep options open rather than exercise them.</p>
<h3>Policy options</h3>
<p>Credible security assurances, civil nuclear cooperation under the <a href="https://www.iaea.org/topics/safeguards-legal-framework">IAEA safeguards framework</a>, and a clear international response to any Iranian move toward weaponization are the three pillars of prevention. The most important of these is the last: a breakout that goes unpunished would do more to encourage proliferation than any other event.</p>
""",
    },
    {
        "slug": "export-controls-drone-proliferation",
        "type": "testimony",
        "venue": "House Committee on Foreign Affairs, Subcommittee on the Middle East, North Africa, and Central Asia",
        "hearing_date": "2023-07-18",
        "date": "2023-07-18 14:00",
        "authors": ["daniel-reyes"],
        "topics": ["technology-cyber", "arms-control-proliferation"],
        "regions": ["iran"],
        "title": "Export Controls and Drone Proliferation in the Middle East",
        "summary": "Testimony on how Iranian drones are built from commercially available components, and how export controls, interdiction and information sharing could slow their spread.",
        "body": """
<p>Chairman, Ranking Member, distinguished members: thank you for inviting me to testify on the proliferation of Iranian drones.</p>
<p><strong>Built from the shelf.</strong> The drones that Iran supplies to its partners, and now to Russia, are not exotic weapons. They are assembled largely from commercial components: small engines, navigation modules, cameras and microelectronics, many of them manufactured by companies in allied countries and purchased through intermediaries. Their effectiveness comes from <em>numbers and cost</em>, not sophistication.</p>
<p><strong>Where controls can bite.</strong> Export controls cannot stop the trade in generic parts, but they can raise its cost. Three steps would help: requiring manufacturers of the most frequently recovered components to know their customers; publishing lists of components found in wreckage so that firms can check their distributors; and coordinating enforcement with European and Asian partners through the <a href="https://www.bis.gov/">Bureau of Industry and Security</a>.</p>
<p><strong>Interdiction at sea.</strong> Many shipments move by sea through the Gulf of Oman and the Arabian Sea. Maritime interdiction has seized significant cargoes and should be resourced accordingly. The patterns of Iranian activity at sea are described in <a href="/policy-analysis/hormuz-seizures-iranian-naval-doctrine">our analysis of naval doctrine</a>.</p>
<p><strong>Defense at a sustainable cost.</strong> Finally, I urge the committee to fund cheaper counter-drone systems. We cannot afford to meet a twenty-thousand-dollar drone with a two-million-dollar missile indefinitely.</p>
""",
        "author_note": "",
    },
    {
        "slug": "morocco-earthquake-local-capacity",
        "type": "op-ed",
        "outlet": {
            "name": "The Continental Review",
            "url": "https://continentalreview.example/opinion/morocco-earthquake-local-capacity",
            "date": "September 18, 2023",
        },
        "date": "2023-09-19 08:00",
        "authors": ["noura-el-sayed"],
        "topics": ["democracy-reform", "human-rights"],
        "regions": ["north-africa"],
        "title": "Morocco's Earthquake Response Shows the Value of Local Capacity",
        "summary": "Morocco accepted only a few offers of foreign rescue teams after the High Atlas earthquake, to the frustration of some donors. The episode is a reminder that disaster response works best when it strengthens local institutions rather than bypassing them.",
        "body": """
<p><strong>A controversial choice.</strong> After the earthquake that devastated villages in the High Atlas mountains, the Moroccan government accepted search and rescue teams from only a handful of countries. Critics abroad called this pride at the expense of lives. The reality is more complicated: uncoordinated foreign teams can clog roads and airports, and Morocco's own civil protection and army units were already deployed.</p>
<p><strong>Where the gaps are.</strong> The harder test is not the first week but the next year. Mountain communities need shelter before winter, rebuilt schools and clinics, and construction rules that reflect seismic risk. That work depends on municipal capacity and on trust between citizens and officials, which is <em>uneven</em> across rural Morocco.</p>
<p><strong>What partners can do.</strong> Donors should fund reconstruction through Moroccan institutions while insisting on transparency about how money is spent, and support local associations that know the villages. The <a href="https://www.ifrc.org/">International Federation of Red Cross and Red Crescent Societies</a> has shown how to work through national societies rather than around them.</p>
<p>Read the full article in <a href="https://continentalreview.example/opinion/morocco-earthquake-local-capacity">The Continental Review</a>. For a contrasting case, see <a href="/policy-analysis/syria-earthquake-diplomacy-normalization-trap">our analysis of earthquake diplomacy in Syria</a>.</p>
""",
    },
    {
        "slug": "hezbollah-calculus-northern-front",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3612),
        "date": "2023-10-31 09:00",
        "authors": ["karim-haddad", "daniel-reyes"],
        "topics": ["military-security", "terrorism-counterterrorism"],
        "regions": ["lebanon", "israel"],
        "title": "After October 7: Hezbollah's Calculus on the Northern Front",
        "summary": "Hezbollah has opened a limited front against Israel in solidarity with Hamas while avoiding all-out war. Its restraint reflects Lebanon's collapse and Iran's priorities, but the rules of engagement are fragile.",
        "body": """
<p><strong>Calibrated fire.</strong> Since the Hamas attack of October 7, Hezbollah has fired anti-tank missiles, rockets and drones at Israeli positions along the border almost daily, and Israel has answered with artillery and air strikes. Tens of thousands of people have left their homes on both sides. Yet both have so far kept the exchanges within a rough geographic band. This is a <em>managed</em> escalation, and its management depends on decisions that could change overnight.</p>
<p><strong>Why Hezbollah holds back.</strong> A full war would devastate Lebanon, which is still in the grip of the financial collapse described in <a href="/policy-analysis/lebanon-currency-collapse-limits-donor-patience">our earlier analysis</a>. Hezbollah's own constituency would pay the highest price. Iran, for its part, regards Hezbollah's arsenal as a deterrent protecting Iran itself, and is reluctant to spend it on Gaza.</p>
<p><strong>Israel's dilemma.</strong> Israeli leaders face pressure to push Hezbollah's forces away from the border so that displaced residents can return. Doing so by force would mean a war on a scale not seen since 2006, with a far larger rocket threat. Diplomacy built around Security Council Resolution 1701, monitored by <a href="https://unifil.unmissions.org/">the UN force in southern Lebanon</a>, offers a framework, but it has never been enforced.</p>
<p><strong>What to do.</strong> American naval deployments have helped deter a wider war. They should be paired with a concrete proposal for border arrangements, backed by support for the Lebanese army, so that both sides have a way down the ladder.</p>
""",
    },
    {
        "slug": "red-sea-shipping-under-fire",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3630),
        "date": "2023-12-12 09:00",
        "authors": ["daniel-reyes"],
        "topics": ["maritime-security", "military-security"],
        "regions": ["egypt", "saudi-arabia"],
        "title": "Red Sea Shipping Under Fire",
        "summary": "Houthi missile and drone attacks on merchant ships have driven major carriers away from the Red Sea. The economic damage falls heaviest on Egypt, and a purely defensive naval response will not restore confidence.",
        "body": """
<p><strong>A chokepoint under attack.</strong> Since November, Yemen's Houthi movement has launched anti-ship missiles and drones at commercial vessels passing through the Bab el-Mandeb, and has seized a car carrier by helicopter. Several of the world's largest shipping lines have paused transits, sending ships around the Cape of Good Hope at the cost of ten days or more per voyage.</p>
<p><strong>Who pays.</strong> Higher freight and insurance costs will spread through global supply chains, but the most direct victim is Egypt. Suez Canal revenues are one of Cairo's main sources of foreign currency, and a prolonged diversion of traffic would deepen the financial strain described in <a href="/policy-analysis/egypt-wheat-problem-fiscal-problem">our analysis of Egypt's budget</a>. Saudi Arabia's Red Sea ports and development projects are also exposed.</p>
<p><strong>Defense is necessary, not sufficient.</strong> Warships have shot down many of the incoming weapons, and a multinational escort arrangement is taking shape. But shipping companies make decisions based on risk, and as long as launches continue, many will stay away. Restoring confidence requires <em>reducing the launch capacity</em> itself and cutting the supply of components, much of which arrives by sea.</p>
<p><strong>The insurers' verdict.</strong> Watch war-risk premiums and carrier announcements, not official statements; data from <a href="https://www.lloydslistintelligence.com/">maritime intelligence services</a> will show whether any response is working long before governments admit it.</p>
""",
    },
]
