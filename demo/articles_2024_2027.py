"""
Demo articles from 2024 on (English text), including one draft and one
article scheduled for 2027. Same shape as ``articles_2021_2023``.
"""

ARTICLES = [
    {
        "slug": "protecting-red-sea-corridor",
        "type": "policy-note",
        "series": ("Policy Note", 103),
        "date": "2024-01-23 09:00",
        "authors": ["daniel-reyes", "dana-halvorsen"],
        "topics": ["maritime-security", "military-security", "gulf-security"],
        "regions": ["egypt", "saudi-arabia"],
        "title": "Protecting the Red Sea Corridor",
        "subtitle": "Options for a Sustainable Maritime Security Coalition",
        "summary": "The naval coalition formed to defend Red Sea shipping can intercept missiles but cannot make the route safe on its own. This note sets out how to share the burden, widen participation and link defense at sea to pressure on the sources of the attacks.",
        "body": """
<p><strong>The problem of endurance.</strong> Warships from the United States and Europe have intercepted dozens of missiles and drones aimed at merchant vessels. The effort is impressive and unsustainable at its current cost: every interception spends munitions that take months or years to replace, and a handful of destroyers cannot escort the traffic of one of the world's busiest trade routes.</p>
<h3>Widening the coalition</h3>
<p>The states with the most at stake, Egypt and Saudi Arabia among them, have been reluctant to join publicly, fearing retaliation and domestic criticism. A coalition structure that allows <em>contributions without flags</em>, such as surveillance data, port access and funding for escorts, would let them participate on terms they can defend at home.</p>
<h3>Cheaper defense</h3>
<p>Guns, electronic warfare and short-range interceptors should replace high-end missiles wherever possible. Merchant shipping can help itself too: route planning, hardened bridges and the guidance published by the <a href="https://www.ukmto.org/">UK Maritime Trade Operations</a> center reduce risk at low cost.</p>
<h3>Beyond defense</h3>
<p>As argued in <a href="/policy-analysis/red-sea-shipping-under-fire">our first assessment of the attacks</a>, confidence will return only when launch capacity shrinks. That requires interdiction of weapons shipments, pressure on suppliers and a diplomatic track on Yemen that gives the Houthis something to lose.</p>
""",
    },
    {
        "slug": "gaza-reconstruction-financing-architecture",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3655),
        "date": "2024-02-27 09:00",
        "authors": ["noura-el-sayed"],
        "topics": ["israeli-palestinian-relations", "energy-economics"],
        "regions": ["israel", "egypt"],
        "title": "Gaza Reconstruction Will Need a Financing Architecture, Not a Pledging Conference",
        "summary": "Rebuilding Gaza will cost tens of billions of dollars and take years. Past reconstruction efforts failed because pledges went unpaid and materials were blocked; a dedicated financing mechanism with clear rules could avoid repeating those failures.",
        "body": """
<p><strong>Lessons from past rounds.</strong> After each previous war in Gaza, donors gathered, announced large pledges and then delivered only part of them. Materials entered slowly under a monitoring system that satisfied no one, and much of what was rebuilt was destroyed again. The scale of destruction in the current war is far greater, and the old approach will not work.</p>
<p><strong>A fund with rules.</strong> Reconstruction should be financed through a single multi-donor fund with transparent procurement, independent auditing and a clear mandate agreed in advance by Israel, Egypt, the Palestinian Authority and the main Arab donors. The <a href="https://www.worldbank.org/en/country/westbankandgaza">World Bank</a> has administered comparable trust funds and could do so again. Gulf donors have made clear that they will <em>not</em> pay to rebuild without a political horizon.</p>
<p><strong>Governance first.</strong> No financing mechanism can substitute for an answer to the question of who governs Gaza. But the mechanism can shape the answer: by channeling money through reformed Palestinian institutions, it strengthens them; by bypassing them, it leaves the field to armed groups. The fragility of those institutions was already visible in 2022, as discussed in <a href="/policy-analysis/israel-new-coalition-palestinian-authority-fragility">an earlier Institute analysis</a>.</p>
<p><strong>Egypt's role.</strong> Most materials will have to move through Egyptian territory, and Egyptian firms expect a share of the work. Cairo's own economic troubles make that an incentive worth structuring carefully.</p>
""",
    },
    {
        "slug": "iran-direct-strike-end-strategic-patience",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3668),
        "date": "2024-04-16 09:00",
        "authors": ["leila-navabi"],
        "topics": ["military-security", "arms-control-proliferation"],
        "regions": ["iran", "israel"],
        "title": "Iran's Direct Strike on Israel and the End of Strategic Patience",
        "summary": "For the first time, Iran attacked Israel directly from its own territory, with hundreds of drones and missiles. Almost all were intercepted, but the attack marks a change in Iranian doctrine that raises the risk of future miscalculation.",
        "body": """
<p><strong>A line crossed.</strong> For decades Iran confronted Israel through partners and proxies and avoided attacks from its own soil. The weekend's barrage of drones, cruise missiles and ballistic missiles, launched in response to a strike on an Iranian diplomatic compound in Damascus, broke with that practice. Tehran chose a slow, telegraphed attack that gave defenders hours of warning; it was designed to be seen more than to succeed.</p>
<p><strong>The defense worked, this time.</strong> Israeli, American, British and French forces, with help from Arab neighbors, intercepted nearly everything. That cooperation is a strategic achievement and a vindication of <a href="/policy-analysis/arms-sales-alliance-management">the integrated air defense agenda</a>. But it depended on warning time that Iran need not give again, and it consumed expensive interceptors in large numbers.</p>
<p><strong>A new doctrine.</strong> Iranian officials now describe a rule of direct response to attacks on Iranian personnel. If that rule holds, every targeted strike becomes a possible trigger for state-to-state exchange. Deterrence that depends on each side <em>correctly reading</em> the other's red lines is fragile, especially when those lines are new.</p>
<p><strong>The nuclear shadow.</strong> The attack also strengthens voices in Tehran calling for a nuclear deterrent. The latest reports from the <a href="https://www.iaea.org/newscenter/focus/iran">International Atomic Energy Agency</a> show how short the technical distance has become; the political distance is what policy should now aim to lengthen.</p>
""",
    },
    {
        "slug": "washington-should-not-outsource-iraq-policy",
        "type": "op-ed",
        "outlet": {
            "name": "The Capital Courier",
            "url": "https://capitalcourier.example/opinion/iraq-policy-neighbors",
            "date": "May 20, 2024",
        },
        "date": "2024-05-21 08:00",
        "authors": ["harold-whitcombe"],
        "topics": ["terrorism-counterterrorism", "military-security"],
        "regions": ["iraq"],
        "title": "Washington Should Not Outsource Iraq Policy to Its Neighbors",
        "summary": "As the United States negotiates the future of its military mission in Iraq, it risks leaving the country's direction to Iran and Turkey. A modest, well-defined presence and serious economic engagement would cost little and protect a great deal.",
        "body": """
<p><strong>An old mistake in a new form.</strong> American policymakers have a habit of treating Iraq as a problem to be closed rather than a country to be dealt with. The current talks on ending the coalition mission against the Islamic State are an example. Ending a mission is reasonable; ending engagement is not.</p>
<p><strong>Who fills the gap.</strong> Iran already funds and directs some of Iraq's most powerful armed factions, while Turkey conducts military operations in the north against Kurdish militants. Both will expand their influence if Washington steps back. The Iraqi leaders who want a <em>balanced</em> foreign policy need an American partner to balance with.</p>
<p><strong>A better offer.</strong> A small advisory presence, support for Iraq's electricity sector and help reforming the security budget would give Baghdad real alternatives. I made the case for budget transparency in <a href="/policy-analysis/countering-iranian-proxy-networks-iraq-syria">testimony before the Senate</a>, and it remains the most effective tool against the militias. The <a href="https://www.iea.org/countries/iraq">International Energy Agency</a> has shown how much Iraq loses through flared gas that could power its grid.</p>
<p>Read the full article in <a href="https://capitalcourier.example/opinion/iraq-policy-neighbors">The Capital Courier</a>.</p>
""",
    },
    {
        "slug": "qatar-mediation-model-under-strain",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3690),
        "date": "2024-06-25 09:00",
        "authors": ["dana-halvorsen"],
        "topics": ["gulf-security", "israeli-palestinian-relations"],
        "regions": ["qatar"],
        "title": "Qatar's Mediation Model Under Strain",
        "summary": "Qatar's ability to talk to everyone has made it indispensable in the Gaza hostage negotiations, and exposed it to criticism from all sides. The strain shows the limits of mediation by a state that also hosts its clients.",
        "body": """
<p><strong>The indispensable host.</strong> Qatar hosts the largest American air base in the region and, since 2012, the political office of Hamas. For years Western governments quietly valued that combination: it gave them a channel to groups they would not talk to directly. In the Gaza war, that channel has produced the only negotiated releases of hostages.</p>
<p><strong>Criticism from every side.</strong> Israeli politicians accuse Doha of sheltering Hamas leaders; Hamas accuses it of pressing too hard; American legislators have threatened to review the relationship. Qatari officials have responded by hinting that they might <em>step back</em> from mediation altogether. The threat is credible because mediation brings Qatar prestige but also real costs.</p>
<p><strong>The structural problem.</strong> A mediator that hosts one party's leadership has leverage, but also a conflict of interest that the other side will never fully trust. Egypt, with its border and intelligence services, supplies the complementary pressure. The two work best in tandem, as they have in the ceasefire talks, and the <a href="https://www.mofa.gov.qa/en">Qatari foreign ministry</a> increasingly presents its role in those terms.</p>
<p><strong>What Washington should do.</strong> Rather than threatening Doha, the United States should agree with it on clear expectations, including the conditions under which Hamas's office would close. For the wider story of Gulf states hedging their bets, see <a href="/policy-analysis/after-kabul-gulf-partners-recalculating">our earlier analysis</a>.</p>
""",
    },
    {
        "slug": "cyber-operations-gulf-attribution-without-deterrence",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3705),
        "date": "2024-08-13 09:00",
        "authors": ["youssef-benali", "daniel-reyes"],
        "topics": ["technology-cyber", "gulf-security"],
        "regions": ["gulf-states", "united-arab-emirates", "iran"],
        "title": "Cyber Operations in the Gulf: Attribution Without Deterrence",
        "summary": "Gulf governments have become better at identifying who is behind cyberattacks on their infrastructure, yet attacks continue. Naming the culprit is not enough; deterrence in cyberspace requires resilience and collective response.",
        "body": """
<p><strong>A crowded battlefield.</strong> Destructive malware wiped thousands of computers at a Gulf energy company more than a decade ago, and cyber operations in the region have grown steadily since. Iranian groups target Gulf and Israeli networks; other actors pursue espionage and influence operations. Gulf states have invested heavily in defenses and in the ability to <strong>attribute</strong> attacks to their authors.</p>
<p><strong>Why attribution falls short.</strong> Public attribution is meant to impose a cost, but a state that already faces sanctions and international censure has little reputation left to lose. Attackers also adapt quickly, using criminal groups and rented infrastructure to blur their tracks. Naming and shaming has value for <em>building coalitions</em>, not for changing an adversary's behavior by itself.</p>
<p><strong>Resilience as deterrence.</strong> The most reliable deterrent is to make attacks fail: segmenting industrial control systems, backing up critical data offline and exercising recovery. Gulf states should also share threat information across borders far more than they do, building on frameworks such as those promoted by the <a href="https://www.first.org/">Forum of Incident Response and Security Teams</a>.</p>
<p><strong>Links to the physical world.</strong> Cyber and kinetic pressure are often combined. The campaign against Gulf infrastructure described in <a href="/policy-analysis/drone-attacks-gulf-infrastructure-pattern">our analysis of drone attacks</a> shows the same logic of deniable, cumulative pressure.</p>
""",
    },
    {
        "slug": "sanctions-enforcement-iranian-oil-exports",
        "type": "testimony",
        "venue": "Senate Committee on Banking, Housing, and Urban Affairs",
        "hearing_date": "2024-10-01",
        "date": "2024-10-01 10:00",
        "authors": ["leila-navabi"],
        "topics": ["sanctions", "energy-economics"],
        "regions": ["iran"],
        "title": "Sanctions Enforcement and Iranian Oil Exports",
        "summary": "Testimony on how Iran sells oil despite sanctions, through a fleet of aging tankers, ship-to-ship transfers and small refiners, and on the enforcement measures that could reduce its revenue.",
        "body": """
<p>Chairman, Ranking Member, members of the committee: thank you for the invitation to testify.</p>
<p><strong>The shadow fleet.</strong> Iran's oil exports have recovered to levels not seen since before sanctions were reimposed. They travel on a fleet of older tankers with opaque ownership, which switch off their transponders, transfer cargoes at sea and relabel the oil as originating elsewhere. Most of it ends up at independent refineries in China that have little exposure to the American financial system.</p>
<p><strong>Where enforcement can bite.</strong> Designating individual tankers has limited effect, as ships are renamed and reflagged. More effective targets are the <em>service providers</em> without which the trade cannot function: ship managers, insurers, flag registries and the banks that process payments. Coordinated action with partners who control those services would raise costs across the fleet. The designations published by the <a href="https://ofac.treasury.gov/">Office of Foreign Assets Control</a> should be paired with public evidence packages that help allies act.</p>
<p><strong>Environmental risk.</strong> The shadow fleet is also a safety hazard: old, poorly insured ships conducting transfers in busy waters. Coastal states have a legitimate interest in inspecting them, which creates an enforcement tool that does not depend on sanctions law alone.</p>
<p><strong>Realistic goals.</strong> Sanctions will not stop Iranian exports entirely. The aim should be to reduce the revenue per barrel and keep pressure tied to diplomacy, as argued in <a href="/policy-analysis/sanctions-relief-without-illusions">the Institute's work on sequencing relief</a>.</p>
""",
        "author_note": "",
    },
    {
        "slug": "syria-after-assad-first-ninety-days",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3741),
        "date": "2024-12-17 09:00",
        "authors": ["karim-haddad"],
        "topics": ["democracy-reform", "human-rights"],
        "regions": ["syria", "levant"],
        "title": "Syria After Assad: The First Ninety Days Will Decide the Next Decade",
        "summary": "The sudden fall of the Assad regime leaves Syria with a victorious armed movement, a shattered economy and millions of displaced people. Decisions taken in the next three months, on security, justice and sanctions, will shape whether the transition holds.",
        "body": """
<p><strong>A collapse no one planned for.</strong> In less than two weeks, an offensive launched from the northwest swept through Aleppo, Hama and Homs and reached Damascus as the regime's army melted away. The speed of the collapse surprised the victors as much as anyone. They now control state institutions they know little about, in a country where <em>every community</em> fears what comes next.</p>
<p><strong>Three early tests.</strong> First, security: whether the new authorities can bring armed factions under a single command without reprisals against Alawite and other communities associated with the old regime. Second, justice: whether the vast archives of the security services are preserved for accountability rather than destroyed or used for revenge. Third, services: whether salaries, bread and electricity reach people in the first winter.</p>
<p><strong>What outsiders should do.</strong> Sanctions designed to punish the Assad government now mainly punish Syrians. Washington and Europe should move quickly to license humanitarian and reconstruction activity, while keeping measures against individuals responsible for atrocities. Support for documentation efforts, such as the <a href="https://iiim.un.org/">UN's International, Impartial and Independent Mechanism</a>, should increase, not decrease.</p>
<p><strong>Neighbors and spoilers.</strong> Turkey, Israel, Iran and Russia all have forces or interests on Syrian soil. How they behave will matter as much as the choices of the new authorities, a theme we examined in <a href="/policy-analysis/syria-earthquake-diplomacy-normalization-trap">our analysis of earthquake diplomacy</a>.</p>
""",
    },
    {
        "slug": "rebuilding-syrias-state",
        "type": "in-depth-report",
        "series": ("Policy Focus", 178),
        "date": "2025-01-28 09:00",
        "authors": ["karim-haddad", "harold-whitcombe"],
        "topics": ["military-security", "democracy-reform"],
        "regions": ["syria"],
        "title": "Rebuilding Syria's State",
        "subtitle": "Security Sector Choices for a Transitional Authority",
        "summary": "Syria's new authorities must build an army and police out of rival factions, former regime personnel and a population that distrusts both. This study examines the options, drawing on transitions from Iraq to the Balkans, and recommends how outside partners can help.",
        "body": """
<p><strong>The inheritance.</strong> The old regime's security apparatus was not a national army but a web of loyal units, intelligence branches and militias. It has dissolved. What remains is a victorious coalition of armed factions with different ideologies and patrons, tens of thousands of former soldiers without pay, and weapons scattered across the country.</p>
<h3>Lessons from elsewhere</h3>
<p>The dissolution of Iraq's army in 2003 is the cautionary tale everyone cites, and rightly: it put hundreds of thousands of armed men out of work overnight. But the opposite error, integrating factions wholesale without vetting, produced the politicized forces that later failed in Iraq and elsewhere. The record of transitions in the Balkans suggests a middle path: <em>individual vetting</em>, gradual integration and international monitoring.</p>
<h3>Recommendations</h3>
<p><strong>For the transitional authority:</strong> create a unified command with civilian oversight, publish the criteria for joining the new forces, and protect the records of the former security services. <strong>For outside partners:</strong> fund salaries through transparent mechanisms, train police before soldiers, and support the mine clearance that will determine whether displaced people can go home. Guidance on disarmament and reintegration from the <a href="https://www.unddr.org/">United Nations</a> offers tested practice.</p>
<h3>What to avoid</h3>
<p>The greatest risk is that foreign powers each sponsor their own units, recreating the fragmentation of the war. This concern builds on <a href="/policy-analysis/syria-after-assad-first-ninety-days">our first assessment after the regime's fall</a>.</p>
""",
    },
    {
        "slug": "lebanon-new-government-disarmament-question",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3760),
        "date": "2025-03-11 09:00",
        "authors": ["karim-haddad"],
        "topics": ["military-security", "terrorism-counterterrorism"],
        "regions": ["lebanon"],
        "title": "Lebanon's New Government and the Disarmament Question",
        "summary": "Lebanon has a new president and government committed to a state monopoly on weapons, and Hezbollah is weaker than at any time in its history. The opportunity is real, but forcing the issue too fast could undermine the institutions that must carry it out.",
        "body": """
<p><strong>A changed balance.</strong> The war of 2024 cost Hezbollah much of its senior leadership and a large share of its arsenal, and the fall of the Assad regime cut its land bridge to Iran. A new president and prime minister have taken office promising that only the state will bear arms. For the first time in decades, that promise is more than rhetoric.</p>
<p><strong>The army's role.</strong> The Lebanese Armed Forces are expected to deploy in the south and take control of weapons depots. The army is respected across sects but underpaid and stretched thin, and many of its soldiers come from communities that support Hezbollah. Asking it to confront the group directly could <em>split</em> it; helping it expand step by step can work.</p>
<p><strong>Money and reform.</strong> Reconstruction in the south and the Bekaa will require large sums, and donors are right to link their money to progress on both disarmament and the financial reforms that Lebanon has postponed since the collapse described in <a href="/policy-analysis/lebanon-currency-collapse-limits-donor-patience">our 2021 analysis</a>. The <a href="https://www.imf.org/en/Countries/LBN">International Monetary Fund</a> program remains the benchmark.</p>
<p><strong>Sequencing.</strong> The most promising path starts south of the Litani, where the ceasefire arrangements already apply, and proceeds to heavy weapons elsewhere as the army's capacity grows. A timetable agreed with Lebanese leaders will last longer than one imposed from outside.</p>
""",
    },
    {
        "slug": "guardrails-ai-exports-gulf",
        "type": "policy-note",
        "series": ("Policy Note", 104),
        "date": "2025-04-29 09:00",
        "authors": ["dana-halvorsen", "youssef-benali"],
        "topics": ["technology-cyber", "great-power-competition"],
        "regions": ["united-arab-emirates", "saudi-arabia"],
        "title": "Guardrails for AI Exports to the Gulf",
        "subtitle": "Balancing Partnership and Technology Security",
        "summary": "The United Arab Emirates and Saudi Arabia want to become centers of artificial intelligence, and they need American chips to do it. This note proposes conditions for exporting advanced computing that protect security without pushing Gulf partners toward China.",
        "body": """
<p><strong>Capital meets compute.</strong> Gulf states have money, cheap energy and ambitions to host some of the world's largest data centers. What they lack is access to the most advanced chips, which are subject to American export controls designed mainly with China in mind. The question for Washington is whether Gulf partners can be trusted to keep that technology from reaching its competitors.</p>
<h3>The risks</h3>
<p>The concerns are concrete: diversion of chips to third countries, remote access to Gulf data centers by Chinese firms, and the presence of Chinese equipment in Gulf telecommunications networks. None of these is hypothetical, and all can be <em>mitigated</em> with the right arrangements.</p>
<h3>Proposed conditions</h3>
<p><strong>Verified hosting:</strong> advanced chips should be installed in facilities operated by trusted companies with auditable access logs. <strong>Know-your-customer rules</strong> for cloud computing should mirror those proposed by the <a href="https://www.bis.gov/">Bureau of Industry and Security</a>. <strong>Reciprocal commitments</strong> on removing untrusted network equipment should accompany the largest licenses.</p>
<h3>The strategic choice</h3>
<p>Denying access outright would not stop Gulf ambitions; it would redirect them. As with <a href="/policy-analysis/arms-sales-alliance-management">arms sales</a>, the leverage lies in the long relationship that follows each export, not in the decision to sell.</p>
""",
    },
    {
        "slug": "after-strikes-what-remains-iran-nuclear-program",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3789),
        "date": "2025-06-26 09:00",
        "authors": ["leila-navabi", "daniel-reyes"],
        "topics": ["arms-control-proliferation", "military-security"],
        "regions": ["iran", "israel"],
        "title": "After the Strikes: What Remains of Iran's Nuclear Program",
        "summary": "Israeli and American strikes have severely damaged Iran's enrichment and conversion facilities. But Iran retains knowledge, some equipment and a stockpile of enriched uranium whose location is uncertain, and inspectors are no longer on site.",
        "body": """
<p><strong>Damage is not destruction.</strong> Twelve days of strikes hit Iran's main enrichment plants, its uranium conversion facility and sites linked to weapons research. Much of the infrastructure that took two decades to build has been destroyed or badly damaged. Yet a nuclear program is not only buildings. Iran's scientists, its ability to manufacture centrifuges and, crucially, its stockpile of highly enriched uranium are <em>harder to bomb</em>.</p>
<p><strong>The missing stockpile.</strong> Before the strikes, inspectors had verified a stockpile of uranium enriched close to weapons grade. Where that material is now, and in what condition, is the most important unanswered question. Without inspections, no outside government can say with confidence. The <a href="https://www.iaea.org/newscenter/focus/iran">International Atomic Energy Agency</a> has called for an urgent return of its inspectors.</p>
<p><strong>Tehran's choices.</strong> Iran's leadership can rebuild slowly under some form of monitoring, or try to rebuild secretly and quickly. The second path is dangerous for Iran because any detected activity could invite renewed strikes; it is dangerous for everyone because a <em>covert</em> program is harder to stop than a declared one. Suspending cooperation with inspectors, as Iran's parliament has voted to do, points in the wrong direction.</p>
<p><strong>Policy priorities.</strong> Washington should make the return of inspectors the first goal of any diplomacy, ahead of broader negotiations. The dilemmas of sequencing are familiar from <a href="/policy-analysis/sanctions-relief-without-illusions">earlier Institute work on sanctions relief</a>.</p>
""",
    },
    {
        "slug": "egypt-debt-swaps-politics-reform",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3801),
        "date": "2025-08-19 09:00",
        "authors": ["noura-el-sayed"],
        "topics": ["energy-economics", "democracy-reform"],
        "regions": ["egypt"],
        "title": "Egypt's Debt Swaps and the Politics of Reform",
        "summary": "Large Gulf investment deals and a renewed IMF program have eased Egypt's financial crisis. Whether the relief lasts depends on reforms that touch powerful interests, including the economic role of state-linked companies.",
        "body": """
<p><strong>Breathing room.</strong> A year and a half ago Egypt faced a severe shortage of foreign currency and a widening gap between official and parallel exchange rates. A record investment from the United Arab Emirates in a coastal development, followed by an expanded <a href="https://www.imf.org/en/Countries/EGY">IMF program</a> and European support, changed the picture. The currency was allowed to fall, the parallel market largely disappeared and investors returned.</p>
<p><strong>Relief is not reform.</strong> The deals bought time. They did not change the underlying pattern of heavy borrowing, low tax revenue and a large footprint of state-linked enterprises in sectors from construction to food. The IMF program asks for a level playing field for private firms; progress has been <em>slower</em> than promised, and the Red Sea disruption described in <a href="/policy-analysis/red-sea-shipping-under-fire">our analysis of shipping attacks</a> has cut canal revenue at a bad moment.</p>
<p><strong>Debt swaps.</strong> Converting some bilateral debt into investment or development projects can reduce the burden, and several creditors have shown interest. Such swaps work best when the projects are chosen transparently and create jobs, rather than adding to the stock of state-owned assets.</p>
<p><strong>The social side.</strong> Poorer Egyptians have borne the cost of inflation. Expanding cash transfers, as the government has begun to do, is the right complement to reform and the best protection against unrest.</p>
""",
    },
    {
        "slug": "mapping-maritime-incidents-red-sea",
        "type": "maps-graphics",
        "date": "2025-10-14 09:00",
        "authors": ["daniel-reyes"],
        "topics": ["maritime-security"],
        "regions": ["egypt", "saudi-arabia"],
        "title": "Mapping Maritime Incidents in the Red Sea and Gulf of Aden, 2023–2025",
        "summary": "A visual record of attacks, attempted attacks and suspicious approaches against shipping in the Red Sea and Gulf of Aden since late 2023, with a month-by-month count of transits through the Suez Canal.",
        "body": """
<p><strong>How to read these maps.</strong> Each point marks an incident reported by maritime security centers and naval forces: a missile or drone attack, an attempted boarding or a suspicious approach. Colors distinguish the type of incident; the size of each point shows whether the vessel was damaged.</p>
<table>
<thead><tr><th scope="col">Period</th><th scope="col">Incidents</th><th scope="col">Trend in canal transits</th></tr></thead>
<tbody>
<tr><td>Late 2023</td><td>Rising sharply</td><td>Falling</td></tr>
<tr><td>2024</td><td>Highest</td><td>Roughly half of earlier levels</td></tr>
<tr><td>2025</td><td>Fewer, more sporadic</td><td>Slow, partial recovery</td></tr>
</tbody>
</table>
<p><strong>What the pattern shows.</strong> Incidents clustered near the Bab el-Mandeb and off the Yemeni coast, but several occurred far into the Gulf of Aden, showing the reach of the weapons involved. Traffic did not recover when incidents declined: shipping lines waited for <em>sustained</em> calm, as the insurance logic discussed in <a href="/policy-analysis/protecting-red-sea-corridor">our policy note on the corridor</a> predicts.</p>
<p><strong>Sources.</strong> Incident data are compiled from public advisories, including those of <a href="https://www.ukmto.org/">UK Maritime Trade Operations</a>; transit counts are from canal authority announcements. Figures are approximate and rounded.</p>
""",
        "author_note": "",
    },
    {
        "slug": "snapback-not-strategy",
        "type": "op-ed",
        "outlet": {
            "name": "Harbor Review",
            "url": "https://harborreview.example/2025/12/snapback-not-strategy",
            "date": "December 8, 2025",
        },
        "date": "2025-12-09 08:00",
        "authors": ["leila-navabi"],
        "topics": ["sanctions", "arms-control-proliferation"],
        "regions": ["iran"],
        "title": "Snapback Is Not a Strategy",
        "summary": "United Nations sanctions on Iran have been restored, and their supporters call it a victory. But the restored measures add little pressure on their own, and without inspectors in Iran the world knows less about its nuclear program than at any time in two decades.",
        "body": """
<p><strong>A legal victory.</strong> European governments triggered the mechanism that restores earlier UN sanctions on Iran, and the measures are back in force. It was a defensible decision: Iran had been in breach of its commitments for years. But restoring sanctions is a step, <em>not a plan</em>.</p>
<p><strong>Little new pressure.</strong> Most of the restored measures overlap with American sanctions that already apply, and the states that buy Iranian oil have made clear they will not enforce them. The real loss is elsewhere: Iran has restricted cooperation with inspectors, and the stockpile that survived this summer's strikes remains unaccounted for, as we warned in <a href="/policy-analysis/after-strikes-what-remains-iran-nuclear-program">our assessment after the strikes</a>.</p>
<p><strong>What a strategy would include.</strong> A clear offer on the return of inspectors; enforcement aimed at the oil trade's service providers, as set out in testimony to the <a href="https://www.banking.senate.gov/">Senate Banking Committee</a>; and a credible statement of what would happen if Iran moved toward a weapon.</p>
<p>Read the full article in <a href="https://harborreview.example/2025/12/snapback-not-strategy">Harbor Review</a>.</p>
""",
    },
    {
        "slug": "human-rights-conditionality-gulf-partnerships",
        "type": "brief-analysis",
        "series": ("PolicyWatch", 3840),
        "date": "2026-02-17 09:00",
        "authors": ["noura-el-sayed"],
        "topics": ["human-rights", "gulf-security"],
        "regions": ["gulf-states", "saudi-arabia"],
        "title": "Human Rights Conditionality in Gulf Partnerships",
        "summary": "Western governments periodically promise to put human rights at the center of their Gulf relationships and then quietly retreat. A narrower, more consistent approach focused on specific cases and laws would achieve more than grand declarations.",
        "body": """
<p><strong>The cycle.</strong> A new Western government arrives promising that human rights will guide its Gulf policy. A crisis follows, whether an oil price spike or a regional war, and the promise fades. Gulf governments have learned to wait out these cycles, and activists in the region have learned to expect little from them.</p>
<p><strong>Why grand conditionality fails.</strong> Linking entire relationships to human rights performance creates a threat that is never credible, because the relationships serve too many other interests. Gulf officials know that <em>no Western capital</em> will cut defense cooperation over a prison sentence, and the threat itself becomes a source of resentment.</p>
<p><strong>A narrower approach.</strong> Governments can achieve more by focusing on a short list of concrete issues, such as the release of specific detainees, travel bans on relatives of activists, and the reform of laws that criminalize peaceful speech online, and by raising them consistently in private and, when necessary, in public. Reporting by the <a href="https://www.ohchr.org/en/countries">UN human rights office</a> provides a common reference point.</p>
<p><strong>Consistency across tools.</strong> Arms sales, technology exports and investment agreements all offer moments of leverage. As with the conditions proposed in <a href="/policy-analysis/guardrails-ai-exports-gulf">our note on AI exports</a>, a few conditions that are actually applied count for more than many that are not.</p>
""",
    },
    {
        "slug": "gulf-energy-transition-dividend",
        "type": "in-depth-report",
        "series": ("Policy Focus", 181),
        "date": "2026-05-12 09:00",
        "authors": ["dana-halvorsen"],
        "topics": ["energy-economics", "gulf-security"],
        "regions": ["oman", "saudi-arabia", "united-arab-emirates"],
        "title": "The Gulf's Energy Transition Dividend",
        "subtitle": "How Hydrogen and Grid Interconnection Could Reshape Regional Security",
        "summary": "Gulf states are investing in solar power, hydrogen and electricity interconnections alongside their oil and gas. This study examines how the energy transition could change their economies, their relations with each other and the security bargain with the West.",
        "body": """
<p><strong>Producers preparing for change.</strong> The Gulf's hydrocarbon exporters do not expect oil demand to collapse soon, but they are preparing for a world in which it eventually declines. Solar power is now the cheapest source of new electricity in the region, and Oman, Saudi Arabia and the United Arab Emirates have announced large projects to produce hydrogen and ammonia for export.</p>
<h3>A new geography of energy</h3>
<p>Electricity grids are beginning to connect the Gulf to its neighbors, from Iraq to Egypt, and plans exist for links to South Asia and Europe. Interconnection creates interdependence: a grid shared across borders is an asset that <em>all parties</em> have an interest in protecting, but also a new target. The cyber risks discussed in <a href="/policy-analysis/cyber-operations-gulf-attribution-without-deterrence">our analysis of attribution and deterrence</a> apply directly.</p>
<h3>Implications for security</h3>
<p>The traditional bargain, Western protection in exchange for reliable oil supply, will weaken as oil matters less to Western economies. Gulf states are already diversifying partners. The transition could also ease some regional tensions by creating shared projects, or sharpen them if it leaves some producers behind. Data from the <a href="https://www.irena.org/">International Renewable Energy Agency</a> show how uneven progress has been.</p>
<h3>Recommendations</h3>
<p>Western governments should treat clean energy partnerships as a pillar of Gulf policy, not an afterthought; invest in the security of cross-border infrastructure; and support Oman, the most fiscally exposed of the producers, through its transition.</p>
""",
    },
    {
        "slug": "crowded-skies-over-syria",
        "type": "policy-note",
        "series": ("Policy Note", 105),
        "date": "2026-09-22 09:00",
        "authors": ["karim-haddad", "daniel-reyes"],
        "topics": ["military-security", "great-power-competition"],
        "regions": ["syria", "turkey", "israel"],
        "title": "Crowded Skies Over Syria",
        "subtitle": "Deconfliction Options for Turkey, Israel and the New Syrian Authorities",
        "summary": "Turkish and Israeli aircraft now operate over a Syria whose new government wants to rebuild its own air defenses. Without agreed rules, an accident could turn into a crisis; this note outlines a practical deconfliction framework.",
        "body": """
<p><strong>Three air forces, no rules.</strong> Israel strikes targets in Syria it considers threats, Turkey supports the new authorities and wants to station air defense and training missions, and Damascus itself hopes to rebuild an air force. Each has reasons for its presence; none has agreed with the others how to avoid collisions and misidentification. The history of the Syrian war shows how quickly a single shootdown can become <em>a diplomatic crisis</em>.</p>
<h3>Building blocks</h3>
<p><strong>A hotline.</strong> The simplest measure is a direct military channel, modeled on the deconfliction line used by American and Russian forces during the war. <strong>Geographic understandings</strong> on where each party operates would reduce the risk of encounters. <strong>Notification</strong> of air defense deployments would help avoid surprises that lead to strikes.</p>
<h3>The role of outside powers</h3>
<p>The United States has relationships with all three parties and could host technical talks. Such arrangements would build on the security sector reforms discussed in <a href="/policy-analysis/rebuilding-syrias-state">our study of Syria's new institutions</a> and on Turkey's long habit of bargaining across blocs, examined in <a href="/policy-analysis/turkey-between-blocs">an earlier Institute report</a>.</p>
<h3>Limits</h3>
<p>Deconfliction does not resolve political disputes; it only keeps them from turning violent by accident. International rules on airspace, such as those administered by the <a href="https://www.icao.int/">International Civil Aviation Organization</a>, also protect civilian flights that have begun to return to Syrian airports.</p>
""",
    },
    {
        # The one draft: editors are still working on it.
        "slug": "iraq-water-emergency-security-emergency",
        "type": "brief-analysis",
        "status": "draft",
        "date": None,
        "authors": ["noura-el-sayed"],
        "topics": ["energy-economics", "human-rights"],
        "regions": ["iraq", "turkey"],
        "title": "Iraq's Water Emergency Is Also a Security Emergency",
        "summary": "Falling river flows, drought and outdated irrigation are pushing farmers in southern Iraq off their land. The resulting displacement and unemployment are a security problem as much as an environmental one.",
        "body": """
<p><strong>Rivers in retreat.</strong> The Tigris and Euphrates carry far less water into Iraq than they did a generation ago, because of upstream dams in Turkey and Iran, years of drought and wasteful irrigation at home. In the south, salt water is moving up the Shatt al-Arab and marshes are drying out.</p>
<p><strong>From fields to cities.</strong> Farmers who lose their livelihoods move to the edges of Basra and other cities, where jobs are scarce and armed groups recruit. The link between water stress and instability is <em>not automatic</em>, but in Iraq the conditions for it are present.</p>
<p><strong>What could help.</strong> A water-sharing agreement with Turkey, investment in modern irrigation and support for the affected communities. The budget reforms discussed in <a href="/policy-analysis/washington-should-not-outsource-iraq-policy">our work on Iraq policy</a> would free resources; data from the <a href="https://www.fao.org/aquastat/en/">FAO</a> show the scale of the problem.</p>
""",
    },
    {
        # Scheduled: goes live by itself in January 2027.
        "slug": "next-phase-gulf-air-missile-defense",
        "type": "in-depth-report",
        "status": "scheduled",
        "series": ("Policy Focus", 183),
        "date": "2027-01-12 09:00",
        "authors": ["daniel-reyes", "dana-halvorsen"],
        "topics": ["military-security", "gulf-security", "technology-cyber"],
        "regions": ["gulf-states", "saudi-arabia", "united-arab-emirates", "qatar"],
        "title": "The Next Phase of Gulf Air and Missile Defense",
        "subtitle": "From Shared Warning to Shared Engagement",
        "summary": "Gulf states and their partners have learned to share early warning of missile and drone attacks. The next step, coordinating who intercepts what, raises harder questions of command, cost and trust. This study proposes a path.",
        "body": """
<p><strong>What has been achieved.</strong> In several recent crises, radars and aircraft from different countries tracked incoming missiles and drones together, and interceptions were shared among them. A decade ago that level of cooperation seemed impossible. It was built largely on American systems and American coordination.</p>
<h3>The harder step</h3>
<p>Sharing a picture of the sky is easier than sharing decisions about what to shoot down. Integrated engagement requires common rules, trust that a partner will defend one's territory, and agreement on who pays for interceptors. Gulf rivalries and <em>concerns about sovereignty</em> make each of these difficult.</p>
<h3>Recommendations</h3>
<p>Start with the cheapest layer, short-range defenses against drones, where the cost of cooperation is lowest; create a combined planning cell with rotating leadership; and link future <a href="/policy-analysis/arms-sales-alliance-management">arms sales</a> to interoperability. Public data on regional arms transfers from <a href="https://www.sipri.org/databases/armstransfers">SIPRI</a> show how much compatible equipment is already in place.</p>
""",
    },
]
