"""Denials and cooperation areas from hand-made sentences."""

from __future__ import annotations

import pytest

from relata.extractors import extract_all


def denial_keys(parsed):
    return {(r["denier"], r["denied_type"], r["accuser"]) for r in extract_all(parsed)[0]["denials"]}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia denied supplying weapons to Syria.", ("RUS", "military_aid", None)),
        ("Beijing denied that it had sent troops to the island.", ("CHN", "other", None)),
        # a deed named with no second party still says what kind of claim is denied
        ("Iran denied bombing the tanker.", ("IRN", "attack", None)),
        ("Belgrade denied committing atrocities in the region.", ("SRB", "attack", None)),
        ("Kyiv blamed the strike on Moscow, a charge denied by Russia.", ("RUS", "attack", "UKR")),
    ],
)
def test_denials_of_an_event_take_its_type(parse, text, expected):
    assert expected in denial_keys(parse(text))


def test_denials_of_named_charges_link_to_the_claim_before(parse):
    text = "The State Department said Iran had shipped drones to Russia. The charges were denied by Tehran and Moscow."
    p = parse(text)
    tables, _ = extract_all(p)
    rel, rows = tables["relations"], tables["denials"]
    got = {(r["denier"], r["denied_type"], r["accuser"]) for r in rows}
    assert got == {("IRN", "military_aid", "USA"), ("RUS", "military_aid", "USA")}
    ids = {r["relation_id"] for r in rel}
    assert all(r["denied_relation_id"] in ids for r in rows)


def test_denials_reject_of_a_proposal_is_not_a_denial(parse):
    assert denial_keys(parse("Japan rejected China's proposal for joint patrols.")) == set()


def coop(parsed):
    return {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in extract_all(parsed)[0]["cooperation"]}


def rules_coop(parsed) -> set[tuple[str, str, str, str]]:
    """The rules' cooperation keys with their status (no trained model)."""
    return {
        (r["actor_a"], r["actor_b"], r["area"], r["status"])
        for r in extract_all(parsed, learned=False)[0]["cooperation"]
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of areas is one row per area
        (
            "Vietnam and Laos will discuss cooperation in energy, tourism and education.",
            {
                ("LAO", "VNM", "energy", "planned"),
                ("LAO", "VNM", "tourism", "planned"),
                ("LAO", "VNM", "education", "planned"),
            },
        ),
        (
            "Indonesia signed an agreement with Singapore on defence cooperation.",
            {("IDN", "SGP", "military", "agreed")},
        ),
        ("Thailand and Cambodia cooperate closely on agriculture.", {("KHM", "THA", "agriculture", "ongoing")}),
        ("Manila and Tokyo plan to launch a direct air service.", {("JPN", "PHL", "air_service", "planned")}),
        # the owner of a readiness or plan is a party; an area coordinated with the cooperation noun
        (
            "The premier affirmed Norway's readiness to forge education and vocational cooperation with Chile.",
            {("CHL", "NOR", "education", "planned")},
        ),
        # maritime cooperation is security (coast guards, incidents at sea), as the annotated corpus has it
        ("Kenya and Ghana agreed to boost maritime cooperation.", {("GHA", "KEN", "security", "agreed")}),
    ],
)
def test_cooperation_areas_pair_and_status(parse, text, expected):
    assert expected <= coop(parse(text))


def test_cooperation_needs_a_cooperation_word(parse):
    assert coop(parse("Vietnam's economy grew faster than Laos's last year.")) == set()


def test_cooperation_two_leaders_refers_to_the_article_pair(parse):
    text = (
        "Malaysian Prime Minister Anwar Ibrahim met Chinese President Xi Jinping in Beijing. "
        "The two leaders agreed to boost cooperation in the digital economy."
    )
    assert ("CHN", "MYS", "science_technology", "agreed") in coop(parse(text, "2024-06-01")) or (
        "CHN",
        "MYS",
        "science_technology",
        "planned",
    ) in coop(parse(text, "2024-06-01"))


def test_denials_by_a_former_leader_in_a_new_office_named_in_a_relative_clause(parse):
    # Hun Sen left the premiership in 2023; the sentence names his office since then.
    text = (
        "Hun Sen, who is now president of Cambodia's senate, dismissed reports about the presence of "
        "foreign troops at the naval base."
    )
    assert ("KHM", "other", None) in denial_keys(parse(text, "2024-08-06"))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Vietnam and Laos are deepening economic ties as the premier visits.", "ongoing"),
        ("Vietnam and Laos will deepen economic ties.", "planned"),
        (
            "The two presidents witnessed the signing of a plan for cooperation in education between Vietnam and Laos.",
            "agreed",
        ),
    ],
)
def test_cooperation_being_deepened_is_ongoing_and_a_signed_plan_is_agreed(parse, text, status):
    # Annotated corpus: "are deepening economic ties" is cooperation under way (was planned), and
    # "the signing of a plan for cooperation" an agreement (was planned, from the plan).
    rows = extract_all(parse(text, "2024-06-18"))[0]["cooperation"]
    assert rows and {r["status"] for r in rows if {r["actor_a"], r["actor_b"]} == {"LAO", "VNM"}} == {status}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vietnam and Laos last week signed 20 agreements that will boost cooperation in fields including "
            "trade, transport and energy.",
            {
                ("LAO", "VNM", "trade", "agreed"),
                ("LAO", "VNM", "transport", "agreed"),
                ("LAO", "VNM", "energy", "agreed"),
            },
        ),
        (
            "Japan and the Philippines signed a defence pact on Monday allowing joint drills.",
            {("JPN", "PHL", "military", "agreed")},
        ),
        # the signing still to come keeps the cooperation it brings planned
        (
            "Vietnam and Laos will sign agreements that boost cooperation in trade.",
            {("LAO", "VNM", "trade", "planned")},
        ),
    ],
)
def test_cooperation_an_agreement_brings_is_the_agreements_and_has_its_status(parse, text, expected):
    # Annotated corpus: "signed 36 agreements that will bolster cooperation in ... trade" was stored
    # as planned (the clause's "will") and its other areas not at all (the walk stopped at the clause).
    rules, _ = extract_all(parse(text, "2024-03-05"), learned=False)
    assert {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rules["cooperation"]} == expected


def test_cooperation_under_an_agreement_that_a_clause_says_will_come_is_agreed(parse):
    # A sample article: "signed a deal under which Russia will supply gas" was stored as planned.
    text = "Russia and Mongolia signed a deal on Wednesday under which Russia will supply natural gas to Mongolia."
    rules, _ = extract_all(parse(text, "2024-03-05"), learned=False)
    assert {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rules["cooperation"]} == {
        ("MNG", "RUS", "energy", "agreed")
    }


def test_cooperation_economic_cooperation_carried_out_is_cooperation_under_way_in_the_area_named(parse):
    # The annotated corpus has an ongoing cooperation item beside 83 of its 88 economic_cooperation
    # relations; the area is the one the sentence names.
    assert ("JPN", "VNM", "finance", "ongoing") in coop(parse("Japan's investment in Vietnam has doubled since 2015."))
    # none when no area is named (an "economy" guess was wrong more often than right)
    assert coop(parse("China has invested heavily in Pakistan.")) == set()


def test_cooperation_military_cooperation_carried_out_is_military_cooperation_under_way(parse):
    # Joint drills held are military cooperation under way, whatever else the sentence names.
    got = coop(parse("Kenya and Ghana have held joint naval drills every year since 2015 to protect trade."))
    assert ("GHA", "KEN", "military", "ongoing") in got
    # drills only planned are no cooperation under way
    planned = coop(parse("Kenya and Ghana will hold joint naval drills next year."))
    assert ("GHA", "KEN", "military", "ongoing") not in planned


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one actor and a long list of partners: a pair each (had been nothing beyond three)
        (
            "Ghana has free trade deals with Peru, Chile, Japan and Canada.",
            {
                ("CHL", "GHA", "trade", "agreed"),
                ("GHA", "PER", "trade", "agreed"),
                ("GHA", "JPN", "trade", "agreed"),
                ("CAN", "GHA", "trade", "agreed"),
            },
        ),
        # an agreement named by its area is its own cooperation word
        (
            "Ghana has FTAs with Togo and Benin.",
            {("GHA", "TGO", "trade", "agreed"), ("BEN", "GHA", "trade", "agreed")},
        ),
        # trade that names its two parties is trade under way
        ("Trade between Kenya and Ghana grew sharply in 2022.", {("GHA", "KEN", "trade", "ongoing")}),
        ("Kenya's trade with Ghana has doubled.", {("GHA", "KEN", "trade", "ongoing")}),
        ("The trade volume between Kenya and Ghana reached a record.", {("GHA", "KEN", "trade", "ongoing")}),
        # a deal or trade its possessor names is the possessor's, whoever speaks of it
        (
            "Kenya criticised the EU's trade deals with Peru, Chile, Japan and Canada.",
            {
                ("EU", "PER", "trade", "agreed"),
                ("CHL", "EU", "trade", "agreed"),
                ("EU", "JPN", "trade", "agreed"),
                ("CAN", "EU", "trade", "agreed"),
            },
        ),
        ("Nigeria criticised Kenya's growing trade with Ghana.", {("GHA", "KEN", "trade", "ongoing")}),
        ("Peru accused Kenya of unfair trade with Ghana.", set()),
        # trade that ended, was banned or is outside the law is none under way
        ("Trade between Kenya and Ghana collapsed after 2014.", set()),
        ("Kenya banned all trade with Ghana in 2019.", set()),
        ("The illegal arms trade between Kenya and Ghana is thriving.", set()),
        # a deal not made yet: drafted, neared, elusive; none for a state without one
        ("The draft trade deal between Kenya and Ghana leaked.", {("GHA", "KEN", "trade", "planned")}),
        ("Kenya and Ghana are nearing a trade deal.", {("GHA", "KEN", "trade", "planned")}),
        ("A trade pact between Kenya and Ghana remains elusive.", {("GHA", "KEN", "trade", "planned")}),
        ("Kenya and Ghana are still without a trade deal.", set()),
        # an agreement worked on is still to come
        (
            "Kenya is currently working on a trade agreement with Peru and Chile.",
            {("KEN", "PER", "trade", "planned"), ("CHL", "KEN", "trade", "planned")},
        ),
    ],
)
def test_cooperation_in_trade_from_deals_held_trade_named_and_deals_worked_on(parse, text, expected):
    # Annotated corpus: free trade deals a state has with four partners, FTAs it has, the volume of
    # trade between two states and one's trade with another were missed; deals a state has were
    # stored as under way, deals it works on as under way too (the corpus: agreed, planned).
    rules, _ = extract_all(parse(text, "2024-03-05"), learned=False)
    assert {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rules["cooperation"]} == expected


def test_denials_a_rebutted_comment_was_made_by_its_possessor_a_dismissed_one_is_no_claim(parse):
    # Annotated corpus: an admiral rebutting a US defence secretary's comment was a denial with no accuser.
    text = "Ghana's foreign minister rebutted Kenyan President Ruto's comment that Ghana risked isolation."
    assert ("GHA", "other", "KEN") in denial_keys(parse(text, "2024-06-01"))
    # remarks dismissed are criticism brushed off, no claim denied
    assert denial_keys(parse("Ghana dismissed Kenya's remarks as irrelevant.", "2024-06-01")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the partner hangs on the cooperation noun, the areas on the verb that boosts it
        (
            "Kenya will deepen cooperation with Peru in trade, investment and tourism.",
            {
                ("KEN", "PER", "trade", "planned"),
                ("KEN", "PER", "finance", "planned"),
                ("KEN", "PER", "tourism", "planned"),
            },
        ),
        # what a copula says one state is to another: a trading partner, an investor (under way)
        ("Ghana has long been Togo's biggest trading partner.", {("GHA", "TGO", "trade", "ongoing")}),
        ("Peru was Chile's third-largest investor in 2022.", {("CHL", "PER", "finance", "ongoing")}),
        ("Ghana and Togo are close trading partners.", {("GHA", "TGO", "trade", "ongoing")}),
        # private investors are no state, and a partner in something else shares no trade
        ("Chilean investors bought a copper mine in Peru.", set()),
        ("Kenya is a key partner of Ghana in the fight against piracy.", set()),
    ],
)
def test_cooperation_partners_and_investors_and_areas_on_the_verb(parse, text, expected):
    rules, _ = extract_all(parse(text, "2024-03-05"), learned=False)
    assert {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rules["cooperation"]} == expected


@pytest.mark.parametrize(
    "text",
    ["Ghana has long been Togo's biggest trading partner.", "Peru was Chile's third-largest investor in 2022."],
)
def test_relations_a_trading_partner_or_investor_cooperates_economically(parse, text):
    rules, _ = extract_all(parse(text, "2024-03-05"), learned=False)
    assert [r["relation_type"] for r in rules["relations"]] == ["economic_cooperation"]


@pytest.mark.parametrize(
    "text",
    [
        # a view or proposal rejected or dismissed is no accusation denied
        "Moscow rejected the idea of a ceasefire with Kyiv.",
        "Kenya dismissed any suggestion of a deal with Uganda.",
        # keeping something from someone is no denial
        "Kenya said its strikes aimed to deny weapons from the rebels in Somalia.",
    ],
)
def test_denials_a_view_rejected_or_a_thing_kept_from_someone_is_no_denial(parse, text):
    assert extract_all(parse(text, "2024-03-12"), learned=False)[0]["denials"] == []


def test_denials_allegations_rejected_still_are(parse):
    got = extract_all(parse("Kenya rejected Ugandan allegations that its troops had shelled the border.", "2024-03-12"))
    assert [(r["denier"], r["accuser"]) for r in got[0]["denials"]] == [("KEN", "UGA")]


def test_denials_a_suggestion_that_a_state_did_wrong_rejected_is_a_denial(parse):
    got = extract_all(parse("Kenya rejected suggestions that it had supplied drones to the rebels.", "2024-03-12"))
    assert [r["denier"] for r in got[0]["denials"]] == ["KEN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no longer a partner, or one once: no trade under way
        ("Ghana is no longer Togo's biggest trading partner.", set()),
        ("Ghana was once Togo's biggest trading partner.", set()),
        # partners of a third state are its partners, not each other's
        (
            "Ghana and Benin are major trading partners of Togo.",
            {("GHA", "TGO", "trade", "ongoing"), ("BEN", "TGO", "trade", "ongoing")},
        ),
    ],
)
def test_cooperation_partners_no_longer_once_or_of_a_third(parse, text, expected):
    rules, _ = extract_all(parse(text, "2024-03-05"), learned=False)
    assert {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rules["cooperation"]} == expected


def test_denials_the_accuser_is_who_a_participle_says_made_the_claims(parse):
    text = "Kenyatta, the Kenyan president, denied the claims made by Uganda."
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["denials"]
    assert [(d["denier"], d["accuser"]) for d in got] == [("KEN", "UGA")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a change going on for some time is cooperation under way, as one made; one to come is planned
        ("Cultural exchanges between Kenya and Uganda have been expanding steadily.", "ongoing"),
        ("Cultural exchanges between Kenya and Uganda have expanded steadily.", "ongoing"),
        ("Cultural exchanges between Kenya and Uganda will expand.", "planned"),
    ],
)
def test_cooperation_a_perfect_progressive_change_is_under_way(parse, text, status):
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]
    assert {(r["area"], r["status"]) for r in got} == {("culture", status)}


def test_cooperation_a_copula_calling_it_a_potential_makes_it_planned(parse):
    text = (
        "Kenya and Uganda signed a trade pact on Monday. With young workforces on both sides, digital "
        "economy cooperation is a vast potential for the two countries."
    )
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]
    assert ("science_technology", "planned") in {(r["area"], r["status"]) for r in got}
    assert ("science_technology", "ongoing") not in {(r["area"], r["status"]) for r in got}


def test_cooperation_states_each_drawing_investment_are_no_pair(parse):
    out = extract_all(
        parse("Kenya and Uganda have been attracting foreign investment in data centres.", "2024-05-10"), learned=False
    )[0]
    assert out["cooperation"] == [] and out["relations"] == []


def test_cooperation_a_ministry_beside_a_charity_and_people_who_benefit_keep_it(parse):
    text = "A Thai charity and the Thai culture ministry jointly promote China-Thailand cultural cooperation."
    assert extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]
    text = "The people of China and Laos have benefited from China-Laos railway cooperation."
    assert extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]


@pytest.mark.parametrize(
    "text",
    [
        "Syria denied the accusations investigated by the United Nations that it used chemical weapons.",
        "Russia denied the allegations dismissed by China as baseless.",
    ],
)
def test_denials_who_investigated_or_dismissed_a_claim_did_not_make_it(parse, text):
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["denials"]
    assert got and all(d["accuser"] is None for d in got)


def test_cooperation_ties_a_state_maintains_are_no_claim_and_a_desire_is_no_deed(parse):
    # Judged (30th sample): "maintains economic ties with China" read "maintain" as a claim verb
    # ("maintained that ...") and made the ties alleged; "a desire to upgrade cooperation" was
    # economic cooperation done.
    held = extract_all(
        parse("Despite rows over fishing, Ghana maintains close economic ties with Togo."), learned=False
    )[0]
    assert ("GHA", "TGO", "economic_cooperation", "occurred") in {
        (r["source_actor"], r["target_actor"], r["relation_type"], r["status"]) for r in held["relations"]
    }
    wished = extract_all(
        parse("The visit showed Peru's strong desire to widen cooperation with Chile in every field."), learned=False
    )[0]
    assert not [r for r in wished["relations"] if r["status"] == "occurred"]


def test_cooperation_talks_going_on_for_an_agreement_plan_it(parse):
    # Judged (30th sample): EU-Indonesia talks on a free trade deal that were to go on were stored as
    # trade under way.
    got = extract_all(parse("Chile and Peru continued their negotiations for a free trade agreement."), learned=False)
    assert {(r["area"], r["status"]) for r in got[0]["cooperation"]} == {("trade", "planned")}


def test_cooperation_a_state_calls_for_is_planned_not_under_way(parse):
    from relata.extractors import extract_all

    text = "Lula called for Brazil and China to work together on space research."
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]
    assert got and {r["status"] for r in got} == {"planned"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # aviation is transport; a direct air service is flights (judged sample 32: satellite navigation "in
        # fields like aviation" stored as an air service)
        ("Chile and Peru have long cooperated in fields like aviation and shipping.", {"transport"}),
        # cooperation of a bygone age is none between the states now
        ("He recalled three centuries of colonial-era sea trade between the Philippines and Mexico.", set()),
    ],
)
def test_cooperation_aviation_is_transport_and_bygone_trade_is_none(parse, text, expected):
    from relata.extractors import extract_all

    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]
    assert {r["area"] for r in got} <= expected
    assert bool(got) == bool(expected)


def test_cooperation_a_firms_plan_between_two_states_is_none_of_theirs(parse):
    # judged sample 32: an airline's flights stored as the two states' air service
    from relata.extractors import extract_all

    text = "The airline's area manager for Australia, Jane Cruz, said it will expand weekly flights between Australia and Fiji."
    assert not extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]
    text = "Fiji's foreign minister said the two governments will expand weekly flights between Australia and Fiji."
    assert extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]


def coop_rows(parse, text):
    return extract_all(parse(text, "2024-05-10"), learned=False)[0]["cooperation"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # cooperation that "has great potential" is a possibility, planned (judged sample 27: stored as under way)
        (
            "Cooperation between Kenya and Ghana in the digital economy has great potential.",
            {("science_technology", "planned")},
        ),
        # states called upon or urged to work together: proposed, planned (judged sample 31)
        (
            "The Ghanaian president called upon Kenya and Ghana to work together on new technologies.",
            {("science_technology", "planned")},
        ),
        ("The minister urged Chile and Peru to work together on renewable energy.", {("energy", "planned")}),
        # a year still to be declared as one of cooperation (judged sample 28: stored as under way)
        (
            "Chile and Peru will declare 2027 as the Year of Chile-Peru Digital Cooperation.",
            {("science_technology", "planned")},
        ),
    ],
)
def test_cooperation_a_potential_a_call_and_a_year_to_declare_are_planned(parse, text, expected):
    assert {(r["area"], r["status"]) for r in coop_rows(parse, text)} == expected


def test_cooperation_commercial_flights_are_an_air_service_no_trade(parse):
    # judged sample 27: an agreement allowing commercial flights stored as trade cooperation
    text = "Chile and Peru signed an aviation pact permitting commercial flights between Santiago and Lima."
    areas = {r["area"] for r in coop_rows(parse, text)}
    assert "air_service" in areas and "trade" not in areas
    # other area adjectives keep their area: financial technology is finance too
    text = "Chile and Peru agreed to cooperate in financial technology."
    assert "finance" in {r["area"] for r in coop_rows(parse, text)}


def test_cooperation_under_way_takes_no_area_of_a_clause_about_a_third_state(parse):
    # judged sample 27: one state's ties with another, while it still buys fuel from a third, stored as energy cooperation
    text = "Investors are turning to Brazil, which has deepened its economic ties with Japan while continuing to buy gas from Qatar."
    got = {(r["actor_a"], r["actor_b"], r["area"]) for r in coop_rows(parse, text)}
    assert ("BRA", "JPN", "economy") in got and ("BRA", "JPN", "energy") not in got
    # a clause that names one of the pair is still theirs
    text = "Data show that Japan has deepened its economic ties with Brazil and reduced its investment in Brazil."
    assert ("BRA", "JPN", "finance") in {(r["actor_a"], r["actor_b"], r["area"]) for r in coop_rows(parse, text)}


def test_cooperation_no_area_from_the_name_of_the_speakers_centre(parse):
    # judged sample 28: a research centre's name in the speaker's title gave infrastructure and science
    text = (
        '"Cooperation between Kenya and Ghana on vehicle production shows the rise of the Global South," said John '
        "Mensah, head of the Kenya-Ghana Railway and Technology Institute."
    )
    areas = {r["area"] for r in coop_rows(parse, text)}
    assert not areas & {"infrastructure", "science_technology"}


def test_cooperation_a_signing_proposed_is_planned_not_agreed(parse):
    got = {(r["area"], r["status"]) for r in coop_rows(parse, "He proposed that Kenya and Ghana sign a trade deal.")}
    assert got == {("trade", "planned")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # review 21: a call to lessen cooperation plans none; cooperation under way that offers opportunities or has
        # room to grow is under way; a document that "says" is no speaker; a relative clause on one of the pair is theirs
        ("Western officials urged Kazakhstan to end its military cooperation with Russia.", set()),
        ("The EU called on Serbia to scale back its energy cooperation with Russia.", set()),
        ("Trade between India and Japan has room to grow, the minister said.", {("trade", "ongoing")}),
        (
            "A memorandum on tourism signed by Laos and Vietnam says the two countries will open new flights.",
            {("tourism", "agreed")},
        ),
    ],
)
def test_cooperation_the_third_reviews_findings_stay_mended(parse, text, expected):
    assert {(r["area"], r["status"]) for r in coop_rows(parse, text)} >= expected
    if not expected:
        assert not coop_rows(parse, text)


def test_cooperation_a_year_a_copula_says_will_be_one_of_cooperation_is_planned(parse):
    text = "In 2027, it will be a year of cultural exchange and tourism between Kenya and Ghana."
    assert {(r["area"], r["status"]) for r in coop_rows(parse, text)} == {
        ("culture", "planned"),
        ("tourism", "planned"),
    }


@pytest.mark.parametrize(
    "text, area",
    [
        # the parser hangs the first name of "X-Y" on the second as a nominal modifier: both are the pair
        ("Russia-China military ties grew closer last year.", "military"),
        ("US-Philippines cultural ties are strong.", "culture"),
    ],
)
def test_cooperation_a_hyphenated_pair_before_an_area_names_both_parties(parse, text, area):
    rows = extract_all(parse(text, "2024-05-10"))[0]["cooperation"]
    assert any(r["area"] == area and len({r["actor_a"], r["actor_b"]}) == 2 for r in rows)


def test_cooperation_trade_a_hyphenated_pair_names_is_under_way_unless_a_war_or_ended(parse):
    rows = extract_all(parse("India-Japan trade rose 20 percent last year.", "2024-05-10"))[0]["cooperation"]
    assert {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rows} == {("IND", "JPN", "trade", "ongoing")}
    for text in ("The US-China trade war escalated on Monday.", "India-Pakistan trade has been suspended since 2019."):
        assert not extract_all(parse(text, "2024-05-10"))[0]["cooperation"], text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya and Ghana will form a partnership to develop malaria vaccines.", ("GHA", "KEN", "health", "planned")),
        ("Japan and Vietnam launched a partnership to develop renewable energy.", ("JPN", "VNM", "energy", "ongoing")),
    ],
)
def test_cooperation_the_purpose_of_a_cooperation_word_names_its_area(parse, text, expected):
    rows = extract_all(parse(text, "2024-05-10"))[0]["cooperation"]
    assert expected in {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rows}, rows


@pytest.mark.parametrize(
    "text, expected",
    [
        # a claim the parser hangs on the denying verb as an adverbial, not as its object
        (
            "The pact has come under scrutiny amid concerns over Hanoi's alleged theft of Thai farming innovations"
            " - accusations Vietnam has repeatedly rubbished.",
            ("VNM", "other", None),
        ),
        # defending oneself against accusations denies them; who made them is the accuser
        (
            "Belgium defended itself on Friday against accusations by Nigerian authorities that it had bombed"
            " a village.",
            ("BEL", "attack", "NGA"),
        ),
        # "we" in a quote is the state of its speaker
        (
            '"We firmly reject any suggestion that the reporter is held for his work," the Egyptian government'
            " said in a statement.",
            ("EGY", "other", None),
        ),
        # the small model reads "rejects" as a noun and "claims" as the verb
        ("The Kremlin rejects claims that Russian jets bombed a market in Aleppo.", ("RUS", "attack", None)),
        # claims the speaker calls groundless
        (
            "Accusations by Argentina of dumping are groundless, Brazil's trade minister said.",
            ("BRA", "other", "ARG"),
        ),
    ],
)
def test_denials_said_without_the_word_deny(parse, text, expected):
    assert expected in denial_keys(parse(text, "2024-03-12"))


def test_denials_defending_oneself_or_calling_a_plan_groundless_is_not_always_a_denial(parse):
    # defending a policy, or one's territory, denies nothing; a plan called groundless is no claim
    assert not denial_keys(parse("Belgium defended itself against the attack by Congo.", "2024-03-12"))
    assert not denial_keys(parse("Brazil's minister said the plan by Argentina is groundless.", "2024-03-12"))


def test_cooperation_three_named_parties_are_three_pairs_but_not_a_longer_list_or_examples(parse):
    # a trilateral pledge is one between each two of the three
    got = coop(parse("The leaders of Ghana, Togo and Benin pledged to deepen economic ties.", "2024-03-12"))
    assert {k[:3] for k in got} == {("BEN", "GHA", "economy"), ("GHA", "TGO", "economy"), ("BEN", "TGO", "economy")}
    # so are four (the annotated corpus: four states agreeing to set up a joint centre, six pairs); five or
    # more are members of something, not pairs
    assert len(coop(parse("Ghana, Togo, Benin and Niger pledged to deepen economic ties.", "2024-03-12"))) == 6
    text = "Ghana, Togo, Benin, Niger and Mali pledged to deepen economic ties."
    assert not coop(parse(text, "2024-03-12"))
    # examples of a counted noun each do it apart
    text = "Nine states, including Ghana, Togo and Benin, have restored direct trade links to former levels."
    assert not coop(parse(text, "2024-03-12"))


def test_cooperation_joint_patrols_of_coast_guards_are_security_but_of_navies_military(parse):
    # coast guards are law enforcement at sea: their drills and patrols are security cooperation under way
    got = coop(parse("The Peruvian Coast Guard has run joint patrols with the coast guard of Chile.", "2024-03-12"))
    assert {k[:3] for k in got} == {("CHL", "PER", "security")}
    got = coop(parse("Peru and Chile held joint patrols against drug trafficking.", "2024-03-12"))
    assert {k[:3] for k in got} == {("CHL", "PER", "security")}
    # armed forces among them, or no policing named: military
    got = coop(parse("The navies and coast guards of Peru and Chile staged drills together.", "2024-03-12"))
    assert {k[:3] for k in got} == {("CHL", "PER", "military")}
    got = coop(parse("Peru and Chile staged joint naval drills off the coast.", "2024-03-12"))
    assert {k[:3] for k in got} == {("CHL", "PER", "military")}


def test_a_charge_beside_a_relative_clause_was_made_by_that_clauses_subject(parse):
    # not by the main clause's subject (it had been Greece)
    text = (
        "The Greek Navy has assisted at least five tankers, three of which came under fire from Houthi rebels and "
        "another that Kyiv blamed on Moscow, a charge denied by Moscow."
    )
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["denials"]
    assert {(r["denier"], r["accuser"]) for r in rows} == {("RUS", "UKR")}


def test_cooperation_the_kind_of_sanctions_is_no_area_cooperated_in(parse):
    text = "Havana and Washington settled on freeing prisoners in exchange for easing economic sanctions."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert "economy" not in {r["area"] for r in rows}


def test_cooperation_aid_given_in_a_named_area_is_cooperation_under_way(parse):
    # financing a railway is economic aid, and infrastructure cooperation under way (as the annotated corpus
    # has beside most economic aid in a named area)
    text = "Japan financed Bangladesh's first metro railway."
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]
    assert ("JPN", "BGD", "economic_aid") in {
        (r["source_actor"], r["target_actor"], r["relation_type"]) for r in got["relations"]
    }
    assert ("BGD", "JPN", "infrastructure", "ongoing") in {
        (r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in got["cooperation"]
    }


def test_a_relative_clause_that_describes_makes_no_charge(parse):
    text = "Kyiv blamed Moscow for the strike, which killed ten civilians, a charge Moscow denied."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["denials"]
    assert {(r["denier"], r["accuser"]) for r in rows} == {("RUS", "UKR")}


def test_cooperation_coordinated_kinds_of_sanctions_are_no_areas(parse):
    rows = extract_all(parse("Cuba and the US agreed to ease economic and financial sanctions.", "2024-03-12"))
    assert not {r["area"] for r in rows[0]["cooperation"]} & {"economy", "finance"}


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Mr Ruto, the Kenyan president, proposed an upgrade of the Ghana-Nigeria trade agreement.", ("GHA", "NGA")),
        ("Peru praised the Chile-Bolivia energy deal signed last week.", ("BOL", "CHL")),
    ],
)
def test_cooperation_a_hyphenated_pair_on_the_word_is_its_pair_not_the_speaker(parse, text, pair):
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert {(r["actor_a"], r["actor_b"]) for r in rows} == {pair}


def test_denials_a_deed_another_party_reported_is_the_claim_denied(parse):
    text = (
        "The Kenyan navy said a Somali boat fired rockets at a Kenyan patrol ship. Somalia denied the boat had done so."
    )
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["denials"]
    assert {(r["denier"], r["denied_type"], r["accuser"]) for r in rows} == {("SOM", "attack", "KEN")}


def test_cooperation_a_collapse_in_trade_is_no_trade_under_way(parse):
    text = "The border war brought a sudden collapse in trade between Kenya and Somalia."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert not [r for r in rows if r["area"] == "trade"]


def test_cooperation_an_area_word_in_the_name_of_a_bank_is_no_area(parse):
    text = "Kenya signed a debt deal with Ghana's Import-Export Bank last year."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert not [r for r in rows if r["area"] == "trade"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and China signed an agreement on mutual visa exemption.",
        "Kenya and Ghana agreed to visa-free travel for their citizens.",
    ],
)
def test_cooperation_on_visas_is_tourism(parse, text):
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert "tourism" in {r["area"] for r in rows}


def test_cooperation_a_visa_ban_is_no_tourism(parse):
    rows = extract_all(parse("Kenya imposed a visa ban on Ghanaian officials.", "2024-03-12"), learned=False)[0]
    assert not rows["cooperation"]


def test_cooperation_on_the_pandemic_is_health(parse):
    text = "Kenya and Uganda agreed to deepen cooperation on pandemic response."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert ("KEN", "UGA", "health", "agreed") in {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rows}


@pytest.mark.parametrize(
    "text, area",
    [
        ("Kenya and Uganda agreed to strengthen ties between their militaries.", "military"),
        ("Kenya and Uganda agreed to expand cooperation on food supplies.", "agriculture"),
        ("Kenya and Uganda signed a deal on migration.", "humanitarian"),
        ("Kenya and Uganda pledged to deepen cooperation in AI and industrial parks.", "science_technology"),
    ],
)
def test_cooperation_areas_the_annotators_name(parse, text, area):
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert area in {r["area"] for r in rows}


def test_cooperation_under_way_names_defence_when_no_military_relation_does(parse):
    text = "Kenya and Uganda raised their ties to a strategic partnership, centred on trade, investment and defence."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert {"trade", "finance", "military"} <= {r["area"] for r in rows}


def test_cooperation_a_cargo_rail_link_is_transport(parse):
    text = "Kenya and Uganda opened a new cargo rail link between Mombasa and Kampala."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert "transport" in {r["area"] for r in rows}


def test_cooperation_a_joint_naval_exercise_is_military(parse):
    text = "Kenya and Tanzania agreed last month to stage a joint naval exercise off Mombasa."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert "military" in {r["area"] for r in rows}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenya has aligned its future cooperation with rich economies such as Germany and France to develop "
            "solar technology.",
            {("DEU", "KEN", "energy", "planned"), ("FRA", "KEN", "energy", "planned")},
        ),
        (
            "For years Canada has partnered with friendly states, including Japan and Chile, to access naval ports.",
            {("CAN", "JPN", "military", "ongoing"), ("CAN", "CHL", "military", "ongoing")},
        ),
    ],
)
def test_cooperation_a_purpose_clause_on_the_verb_of_a_cooperation_names_its_area(parse, text, expected):
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert expected <= {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rows}, rows


def test_cooperation_a_purpose_clause_of_another_verb_is_another_event(parse):
    text = "Kenya raised fuel taxes this year to develop solar technology with Ghana."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert not rows, rows


@pytest.mark.parametrize("phrase", ["Both parties", "Our two countries", "The neighbours"])
def test_cooperation_more_phrases_that_stand_for_the_article_pair(parse, phrase):
    text = f"Kenya's president hosted Ghana's president in Nairobi. {phrase} agreed to expand trade."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert ("GHA", "KEN", "trade") in {(r["actor_a"], r["actor_b"], r["area"]) for r in rows}, rows


def test_cooperation_scheduled_flights_a_signed_deal_restores_are_agreed_not_to_come(parse):
    text = "Kenya and Ghana signed an accord in May to restore scheduled passenger flights between the two countries."
    rows = extract_all(parse(text, "2024-06-12"), learned=False)[0]["cooperation"]
    assert ("GHA", "KEN", "air_service", "agreed") in {
        (r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in rows
    }


def test_cooperation_an_area_word_in_the_name_of_a_pact_is_no_area(parse):
    text = "Last year Kenya joined the Pan-African Digital Economic Partnership with Ghana and Togo, officials said."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert "economy" not in {r["area"] for r in rows}, rows


def test_cooperation_a_title_case_headline_names_no_pact(parse):
    rows = extract_all(parse("Deepening Kenya-Ghana Economic Cooperation", "2024-03-12"), learned=False)[0]
    assert ("GHA", "KEN", "economy") in {(r["actor_a"], r["actor_b"], r["area"]) for r in rows["cooperation"]}


def test_cooperation_regional_cooperation_is_no_interregional_area(parse):
    # interregional is the ties of provinces and cities, as the annotators use it
    text = "Kenya and Ghana have close ties in terms of trade, regional cooperation and culture."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert "interregional" not in {r["area"] for r in rows}, rows


def test_cooperation_an_area_word_in_an_organisations_name_is_no_area(parse):
    text = "Kenya's energy agency will deepen its collaboration with the Ghana Export Trade Organization."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert "trade" not in {r["area"] for r in rows}, rows


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cooperation built up, or a service launched, is under way (not only one agreed or deepened)
        (
            "Over the past decade Kenya has built up currency swaps with Ghana and Uganda.",
            {("GHA", "KEN", "finance", "ongoing"), ("KEN", "UGA", "finance", "ongoing")},
        ),
        ("Kenya and Ghana launched weekly direct flights in 2019.", {("GHA", "KEN", "air_service", "ongoing")}),
    ],
)
def test_cooperation_built_up_or_launched_is_under_way(parse, text, expected):
    assert expected <= rules_coop(parse(text, "2024-03-12"))


def test_cooperation_examples_hung_on_a_region_of_the_partners_in_phrase_are_partners(parse):
    # the parser hangs "including ..." on a region named, not on "countries"
    text = "Kenya has been expanding its defence partnerships with countries in Europe, the Gulf and the Indo-Pacific, including Brazil and Chile."
    assert {("BRA", "KEN", "military", "ongoing"), ("CHL", "KEN", "military", "ongoing")} <= rules_coop(
        parse(text, "2024-03-12")
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        # the two sides a between-phrase names are the cooperation's; who works towards it is not a side
        (
            "Ghanaian President Nana Akufo-Addo met Kenyan President William Ruto in Accra. The two leaders pledged to "
            "work towards a quick finish of the free trade agreement between Kenya and ASEAN.",
            {("ASEAN", "KEN", "trade")},
        ),
        # nor is who brokers it
        ("The United States brokered a trade deal between Kenya and Ghana.", {("GHA", "KEN", "trade")}),
    ],
)
def test_cooperation_the_sides_a_between_phrase_names_are_the_pair(parse, text, expected):
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["cooperation"]
    assert {(r["actor_a"], r["actor_b"], r["area"]) for r in rows} == expected, rows


@pytest.mark.parametrize(
    "text, expected",
    [
        # "done so" stands for the deed the sentence before tells: a force used (an attack)
        (
            "Last month, the Kenyan navy said a Somali patrol boat fired rockets near a Kenyan tanker. "
            "Somalia denied the boat had done so.",
            "attack",
        ),
        # a deed of no force before it: the claim stays of no known type
        ("Last month, Kenya said Somali officials had met rebels. Somalia denied they had done so.", "other"),
    ],
)
def test_denials_of_a_deed_done_so_take_the_type_of_the_deed_told_before(parse, text, expected):
    rows = extract_all(parse(text, "2016-01-14"), learned=False)[0]["denials"]
    assert {(r["denier"], r["denied_type"]) for r in rows} == {("SOM", expected)}


@pytest.mark.parametrize(
    "text, area",
    [
        ("Kenya and Uganda agreed to extend railroad services to Kampala.", "transport"),
        ("Kenya and Uganda agreed to build a railroad to Kampala.", "infrastructure"),
    ],
)
def test_cooperation_services_run_on_a_railroad_are_transport_the_line_built_infrastructure(parse, text, area):
    assert ("KEN", "UGA", area, "agreed") in rules_coop(parse(text, "2024-03-12"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # the denier's own words after the claim ("..., saying ...") are not what is denied
        (
            "Moscow rejects claims that it has given up on talks, saying it will keep sending weapons to Damascus.",
            ("RUS", "other"),
        ),
        # the claim itself is read as before
        (
            "Iran rejected claims that it had sent drones to Russia, saying the reports were invented.",
            ("IRN", "military_aid"),
        ),
    ],
)
def test_denials_the_deniers_own_words_after_a_comma_are_not_the_claim(parse, text, expected):
    rows = extract_all(parse(text, "2016-02-10"), learned=False)[0]["denials"]
    assert {(r["denier"], r["denied_type"]) for r in rows} == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a body's finding or conclusion about states, rejected by them, is a claim they deny
        (
            "A UN panel found that the refugees were held unlawfully. Kenya and Uganda said they reject "
            "the panel's conclusion.",
            {("KEN", "other"), ("UGA", "other")},
        ),
        # force called excessive in a denied claim is force used: an attack
        ("Chile denied the reports of excessive force at the border.", {("CHL", "attack")}),
    ],
)
def test_denials_a_rejected_finding_is_a_claim_and_excessive_force_an_attack(parse, text, expected):
    rows = extract_all(parse(text, "2016-02-05"), learned=False)[0]["denials"]
    assert {(r["denier"], r["denied_type"]) for r in rows} == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan minister denied charges that his office had collaborated with Ghana on the vote.",
        "Kenya denied cooperating with Ghana on the smuggling scheme.",
    ],
)
def test_denials_of_working_with_someone_deny_collusion_not_economic_cooperation(parse, text):
    # relation_type_rules.csv denied_as: collaboration one is accused of is no economic cooperation (none
    # of the annotated denials is one); the relation the claim tells stays as it is read.
    rows = extract_all(parse(text, "2016-02-05"), learned=False)[0]["denials"]
    assert {(r["denier"], r["denied_type"]) for r in rows} == {("KEN", "other")}


def test_cooperation_promised_by_one_side_is_with_the_one_it_has_just_met(parse):
    text = (
        "Kenyan President William Ruto met Ghanaian President John Mahama in Nairobi on Monday. "
        "Ruto then pledged to widen cooperation in agriculture and the digital economy."
    )
    got = {(a, b, area) for a, b, area, _ in rules_coop(parse(text, "2024-03-12"))}
    assert {("GHA", "KEN", "agriculture"), ("GHA", "KEN", "science_technology")} <= got


def test_cooperation_of_one_side_with_no_meeting_before_has_no_partner(parse):
    # nobody met: one side alone is no pair; nor is cooperation merely under way with the one just met
    assert rules_coop(parse("Ruto promised to boost cooperation in agriculture.", "2024-03-12")) == set()
    text = (
        "Kenyan President William Ruto met Ghanaian President John Mahama in Nairobi on Monday. "
        "Kenya has long cooperated in agriculture."
    )
    assert rules_coop(parse(text, "2024-03-12")) == set()
