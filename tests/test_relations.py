"""Relations from hand-made sentences (written by us; never copied from an article)."""

from __future__ import annotations

import pytest

from relata.extractors import extract_all


def keys(parsed):
    return {
        (r["source_actor"], r["target_actor"], r["relation_type"], r["status"])
        for r in extract_all(parsed)[0]["relations"]
    }


def rules_keys(parsed, *types: str) -> set[tuple[str, str, str, str]]:
    """The rules' relation keys (no trained model), of the given types only if any are named."""
    return {
        (r["source_actor"], r["target_actor"], r["relation_type"], r["status"])
        for r in extract_all(parsed, learned=False)[0]["relations"]
        if not types or r["relation_type"] in types
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # active voice, visit with a host
        ("Japanese Prime Minister Shinzo Abe visited Washington on Tuesday.", ("JPN", "USA", "visit", "occurred")),
        # planned: will, expected to, headline infinitive
        ("The Indian prime minister will travel to Israel next month.", ("IND", "ISR", "visit", "planned")),
        ("Xi Jinping is expected to arrive in Manila on Friday.", ("CHN", "PHL", "visit", "planned")),
        ("Erdogan to visit Moscow", ("TUR", "RUS", "visit", "planned")),
        # nominalisation
        ("Xi's visit to Hanoi drew large crowds.", ("CHN", "VNM", "visit", "occurred")),
        # symmetric pair from "X and Y"
        ("Japan and South Korea held talks in Seoul.", ("JPN", "KOR", "meeting", "occurred")),
        ("Vladimir Putin met Xi Jinping in Beijing.", ("CHN", "RUS", "meeting", "occurred")),
        ("Indonesia and Malaysia signed a border treaty on Monday.", ("IDN", "MYS", "agreement", "occurred")),
        # praise, support (thanked X for its support)
        (
            "The Philippine president thanked Japan for its support during the floods.",
            ("PHL", "JPN", "praise", "occurred"),
        ),
        (
            "The Philippine president thanked Japan for its support during the floods.",
            ("JPN", "PHL", "support", "occurred"),
        ),
        # aid, with object classes
        ("Germany supplied tanks to Ukraine.", ("DEU", "UKR", "military_aid", "occurred")),
        ("Japan provided a loan to Sri Lanka.", ("JPN", "LKA", "economic_aid", "occurred")),
        # passive voice with by-agent
        ("Syria was bombed by Russian jets overnight.", ("RUS", "SYR", "attack", "occurred")),
        # criticism, accusation, threat, rejection
        ("China criticised the Philippines over the reef dispute.", ("CHN", "PHL", "criticism", "occurred")),
        ("Washington accused Pyongyang of hacking its banks.", ("USA", "PRK", "accusation", "occurred")),
        ("North Korea threatened the United States with a nuclear strike.", ("PRK", "USA", "threat", "occurred")),
        ("Seoul rejected Pyongyang's offer of talks.", ("KOR", "PRK", "rejection", "occurred")),
        ("Turkish jets shot down a Russian warplane near the border.", ("TUR", "RUS", "attack", "occurred")),
    ],
)
def test_relations_extracts_the_event(parse, text, expected):
    assert expected in keys(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Japan did not send troops to Iraq.",
        "Russia could supply missiles to Iran.",
        "The minister never visited China.",
    ],
)
def test_relations_skips_negated_and_hypothetical_events(parse, text):
    assert keys(parse(text)) == set()


@pytest.mark.parametrize(
    "text, alleged, accusation",
    [
        (
            "Seoul said Pyongyang has shipped artillery shells to Moscow.",
            ("PRK", "RUS", "military_aid", "alleged"),
            ("KOR", "PRK", "accusation", "occurred"),
        ),
        (
            "The State Department alleged that Iran is supplying drones to Russia.",
            ("IRN", "RUS", "military_aid", "alleged"),
            ("USA", "IRN", "accusation", "occurred"),
        ),
    ],
)
def test_relations_a_third_party_claim_is_alleged_and_an_accusation(parse, text, alleged, accusation):
    k = keys(parse(text))
    assert alleged in k and accusation in k


def test_relations_reported_speech_carries_attribution(parse):
    rows = extract_all(parse("The Kremlin said Putin will visit Hanoi."))[0]["relations"]
    [r] = [r for r in rows if r["relation_type"] == "visit"]
    assert (r["source_actor"], r["target_actor"], r["status"], r["attributed_to"]) == ("RUS", "VNM", "planned", "RUS")


def test_relations_pronouns_and_the_two_countries_refer_back(parse):
    text = (
        "Thai Prime Minister Srettha Thavisin arrived in Beijing on Monday. "
        "He thanked China for its investment. The two countries signed a rail agreement."
    )
    k = keys(parse(text, "2024-05-20"))
    assert ("THA", "CHN", "praise", "occurred") in k
    assert ("CHN", "THA", "agreement", "occurred") in k


def test_relations_talks_held_abroad_are_a_visit_of_the_guest(parse):
    k = keys(parse("Japan and South Korea held talks in Seoul."))
    assert ("JPN", "KOR", "visit", "occurred") in k and ("KOR", "KOR", "visit", "occurred") not in k


@pytest.mark.parametrize(
    "text, expected",
    [
        # the hub of a call among four or more is the participant the article is most about
        (
            "Russia welcomed the truce. In a call between the heads of Germany, France, Italy and Russia, Putin "
            "backed the truce.",
            {("DEU", "RUS", "meeting", "occurred"), ("FRA", "RUS", "meeting", "occurred")},
        ),
        # pairs written as compounds
        ("The Russian-American agreement was praised.", {("RUS", "USA", "agreement", "occurred")}),
        # support of a list of states, received by the subject
        (
            "Moscow, with the support of several states including India and Iran, tried to block the vote.",
            {("IND", "RUS", "support", "occurred"), ("IRN", "RUS", "support", "occurred")},
        ),
        # criticism dismissed by its target
        ("Brazil dismissed criticism by Venezuela over the vote.", {("VEN", "BRA", "criticism", "occurred")}),
        # military backing is military aid
        ("Damascus still enjoys military backing from Iran.", {("IRN", "SYR", "military_aid", "occurred")}),
    ],
)
def test_relations_multilateral_compound_and_nominal_patterns(parse, text, expected):
    assert expected <= keys(parse(text, "2016-03-04"))


def test_relations_person_resolved_by_date(parse):
    rows = extract_all(parse("The US president visited Japan.", "2016-05-26"))[0]["relations"]
    [r] = rows
    assert r["source_person"] == "Barack Obama"


def test_relations_leaders_of_the_early_2000s_resolve_in_articles_of_their_time(parse):
    # A 2004 article: before the fifth leaders file, "President Bush" and "Chirac" were no one's.
    k = keys(
        parse("President Bush met Prime Minister Tony Blair at Camp David. Chirac later visited Beijing.", "2004-10-14")
    )
    assert {("GBR", "USA", "meeting", "occurred"), ("FRA", "CHN", "visit", "occurred")} <= k
    # out of office, no one's: Bush in 2016
    assert not keys(parse("Bush later visited Beijing.", "2016-10-14"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mohammed Bin Salman visited Nairobi on Monday.", ("SAU", "KEN", "visit", "occurred")),
        ("Ursula Von der Leyen visited Nairobi on Monday.", ("EU", "KEN", "visit", "occurred")),
    ],
)
def test_relations_a_leaders_name_with_its_particles_capitalised_is_the_leader(parse, text, expected):
    assert expected in keys(parse(text, "2023-11-06"))


def test_relations_a_leader_two_states_could_claim_is_the_one_the_sentence_names(parse):
    # Judged (29th sample): "Jordan's King Abdullah" in an undated article was Saudi Arabia's king,
    # and "King Charles" was always Australia's (the first of his realms in the lexicon).
    from relata.extractors.document import ArticleMeta, article_id_for
    from relata.extractors.pipeline import parse_article

    text = "Relations cooled following charges by Jordan's King Abdullah that Tehran meddled in Iraq's election."
    undated = parse_article(ArticleMeta(article_id_for(text), None, None), text)
    assert ("JOR", "IRN", "accusation", "occurred") in keys(undated)
    assert ("GBR", "KEN", "visit", "occurred") in keys(parse("King Charles toured Kenya last week.", "2023-11-05"))
    assert ("CAN", "KEN", "meeting", "occurred") in keys(
        parse("Canada's King Charles held talks with President Ruto in Nairobi.", "2023-11-05")
    )


def test_relations_a_deed_one_is_blamed_for_is_the_blamed_ones_also_after_and(parse):
    # Judged (29th sample): in "X has yet to condemn Y and is criticised by Z for siding with Y" the
    # critic Z was made Y's supporter (the parser hangs X on the first verb only).
    k = keys(parse("Beijing has not yet denounced the strikes and is faulted by the West for backing Moscow."))
    assert ("CHN", "RUS", "support", "occurred") in k
    assert ("WEST", "CHN", "criticism", "occurred") in k
    assert ("WEST", "RUS", "support", "occurred") not in k


def test_relations_a_finite_verb_joined_to_a_plan_is_not_planned(parse):
    # "plans to sign the deal and was praised": the parser joins "praised" to the infinitive.
    k = keys(parse("Vietnam intends to ratify the pact and was commended by Japan on Monday."))
    assert ("JPN", "VNM", "praise", "occurred") in k


def test_relations_whose_ally_one_backs_is_not_whom_one_backs(parse):
    # Judged (29th sample): two states backing "their patron", China, were made each other's supporters.
    k = keys(parse("Cambodia and Laos backed their ally at the meeting."))
    assert not {key for key in k if key[2] == "support"}


def test_relations_he_after_a_private_person_is_that_person_not_an_earlier_official(parse):
    # Judged (29th sample): an actor's defence of Chavez became Mexico's, through an official named
    # paragraphs before the actor.
    text = (
        "Mexican President Enrique Pena Nieto hailed the arrest on Friday. The film star John Smith has "
        "helped flood victims in Haiti. He has campaigned for animal rights and defended the late "
        "Venezuela president Hugo Chavez."
    )
    assert not keys(parse(text, "2016-01-10"))


def test_relations_they_doing_it_to_them_tells_no_pair(parse):
    # Judged (30th sample): "they" and "them" both read as the two states named, each the other's accuser.
    text = (
        "The Bush administration told a court on Monday that it may hold captured fighters at a navy jail in"
        " Cuba for as long as it sees fit and that they have no right to hear the charges against them."
    )
    assert not keys(parse(text, "2004-10-01"))


@pytest.mark.parametrize(
    "text",
    [
        # judged (29th sample): a royal couple touring two countries and meeting villagers there made a meeting
        # of the two countries toured
        "The two princes began a tour of Nepal and Bhutan, where they spent hours meeting with farmers.",
        "The presidents of Ghana and Togo met with local traders in Lome on Monday.",
    ],
)
def test_relations_a_meeting_with_someone_who_is_no_state_is_none_between_the_others(parse, text):
    assert not {k for k in keys(parse(text)) if k[2] == "meeting"}


@pytest.mark.parametrize(
    "text, day, expected",
    [
        # the gathering placed a sentence before ("the summit" attended later is held there)
        (
            "The Pacific Islands Forum summit opened in Suva on Monday. Australia's Prime Minister Anthony"
            " Albanese is due to attend the summit.",
            "2024-05-10",
            ("AUS", "FJI", "visit", "planned"),
        ),
        # where a participle on the gathering says it is held
        (
            "Kenyan ministers will attend the peace conference to be held in Switzerland.",
            "2024-05-10",
            ("KEN", "CHE", "visit", "planned"),
        ),
        # a leader's inauguration is in their state
        (
            "Singapore's Prime Minister Lawrence Wong attended Prabowo's inauguration on Sunday.",
            "2024-10-25",
            ("SGP", "IDN", "visit", "occurred"),
        ),
    ],
)
def test_relations_a_gathering_attended_is_where_the_article_or_its_host_places_it(parse, text, day, expected):
    # Annotated corpus: attendance of a summit placed in another sentence, by a participle, or by its
    # host was missed.
    assert expected in keys(parse(text, day))


@pytest.mark.parametrize(
    "text, expected",
    [
        # annotated corpus: leaders who gather or assemble in another country are there
        (
            "Chinese Premier Li Qiang and African heads of state assembled in Nairobi on Friday.",
            ("CHN", "KEN", "visit", "occurred"),
        ),
        # a forum is a gathering like a summit; "is confirmed to attend" is still to come
        (
            "The presidents of Ghana and Togo are confirmed to attend the Africa forum in Beijing.",
            ("GHA", "CHN", "visit", "planned"),
        ),
    ],
)
def test_relations_presence_at_gatherings_abroad_is_a_visit(parse, text, expected):
    assert expected in keys(parse(text))


def test_relations_the_summit_is_not_the_previous_one_placed(parse):
    text = (
        "The leaders kept to what was agreed at the previous summit in Nairobi. Last week's summit was attended"
        " by Ghana's President John Mahama."
    )
    assert not {k for k in keys(parse(text, "2025-05-10")) if k[2] == "visit"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # annotated corpus: being critical of, opposed to or hostile to a state criticises it
        ("Ghana and Benin have been critical of Lome since the vote.", ("GHA", "TGO", "criticism", "occurred")),
        (
            "Ruto told Museveni that Kenya was firmly opposed to Uganda building a dam on the river.",
            ("KEN", "UGA", "criticism", "occurred"),
        ),
        # suing a state accuses it
        (
            "The European Union sued Indonesia last year at the WTO over a ban on nickel ore exports.",
            ("EU", "IDN", "accusation", "occurred"),
        ),
    ],
)
def test_relations_stances_against_a_state_and_lawsuits(parse, text, expected):
    assert expected in keys(parse(text))


def test_relations_a_group_seeing_a_threat_to_itself_is_no_pair(parse):
    # Two states opposing a deployment as a danger to their own security were each made the other's threat.
    k = keys(parse("Iran and Syria oppose the US missile shield, regarding it as a threat to their own safety."))
    assert not {key for key in k if {key[0], key[1]} == {"IRN", "SYR"}}
    assert ("IRN", "USA", "criticism", "occurred") in k


def test_relations_an_ethnic_minority_is_not_its_state(parse):
    # Corpus: "Turkey is hostile to the Syrian Kurds" became a criticism of Syria.
    assert not keys(parse("Turkey is hostile to the Syrian Kurds."))


@pytest.mark.parametrize(
    "text, absent",
    [
        # annotated corpus: talks one encourages or espouses are not held
        (
            '"We will encourage Kenya and Uganda to keep up their dialogue," he said.',
            ("KEN", "UGA", "meeting", "planned"),
        ),
        (
            "Kenya has long been espousing bilateral talks with Uganda to settle the dispute.",
            ("KEN", "UGA", "meeting", "occurred"),
        ),
        # a stance toward an actor is not the actor: "anti-Western", "pro-Russian"
        ("Xi and Putin lead a summit with an anti-Western tone", ("RUS", "WEST", "meeting", "occurred")),
        ("Kenya criticised the pro-Ugandan stance of the newspaper.", ("KEN", "UGA", "criticism", "occurred")),
    ],
)
def test_relations_talks_urged_and_stances_toward_an_actor_are_no_rows(parse, text, absent):
    assert absent not in keys(parse(text))


def test_relations_a_meeting_of_a_bloc_is_not_one_with_the_host(parse):
    # Corpus: a trip to Indonesia for an ASEAN meeting made a meeting with Indonesia. (Not a meeting with
    # the bloc either: "Putin held a meeting of the Security Council" is no meeting with the UN.)
    k = keys(parse("In 1979, the US secretary of state traveled to Kenya to attend a meeting of the African Union."))
    assert ("USA", "KEN", "visit", "occurred") in k
    assert ("KEN", "USA", "meeting", "occurred") not in k
    assert not keys(parse("Putin held a meeting of the Security Council on Friday."))


@pytest.mark.parametrize(
    "text, absent",
    [
        # a named firm is not the state its country modifier names (the brief's "a firm turned into its state")
        ("Nairobi signed a deal with Japan's Toyota to build a car plant.", ("JPN", "KEN", "agreement", "occurred")),
        # agreements a state lacks were not made
        (
            "Although Kenya has trade pacts with Uganda, it lacks such agreements with Ghana and Togo.",
            ("GHA", "KEN", "agreement", "occurred"),
        ),
    ],
)
def test_relations_firms_and_agreements_lacked_make_no_row(parse, text, absent):
    assert absent not in keys(parse(text))


def test_relations_a_titled_official_the_ner_tags_as_a_body_is_still_the_official(parse):
    k = keys(parse("Ruto will meet with U.S. Secretary of Commerce Gina Raimondo in Nairobi next week."))
    assert ("KEN", "USA", "meeting", "planned") in k


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Japan gave $50 million to support Kenya's health system.", ("JPN", "KEN", "economic_aid", "occurred")),
        ("France pledged $110 million to support Ghana's budget.", ("FRA", "GHA", "economic_aid", "planned")),
    ],
)
def test_relations_money_given_to_support_a_state_is_economic_aid(parse, text, expected):
    # Judged (30th sample): a sum pledged to prop up Indonesia's budget was stored as words of support.
    k = keys(parse(text))
    assert expected in k
    assert (expected[0], expected[1], "support", expected[3]) not in k


@pytest.mark.parametrize(
    "text, day, absent",
    [
        # review of the seventh session's rules: each a row the first version of a rule made
        (
            "Iran's missile attack on Israel was confirmed by the Pentagon on Tuesday.",
            "2024-05-10",
            ("IRN", "ISR", "attack", "planned"),
        ),
        ("Xi Jinping and Vladimir Putin held talks with a focus on energy in Beijing.", "2024-05-10", None),
        ("China's MSS accused Britain of spying.", "2024-05-10", None),
        (
            "Chinese Foreign Minister Wang Yi addressed the war in Ukraine at a briefing on Monday.",
            "2024-05-10",
            ("CHN", "UKR", "visit", "occurred"),
        ),
        (
            "China's ambassador to the United States attended Trump's inauguration on Monday.",
            "2025-01-25",
            ("CHN", "USA", "visit", "occurred"),
        ),
        (
            "Russian diplomats gathered intelligence in Britain, London said.",
            "2024-05-10",
            ("RUS", "GBR", "visit", "occurred"),
        ),
        (
            "Ukrainian President Volodymyr Zelensky is scheduled to attend the UN General Assembly in New York.",
            "2024-05-10",
            ("UKR", "USA", "visit", "planned"),
        ),
        ("The US encouraged the ongoing talks between Armenia and Azerbaijan.", "2024-05-10", None),
        ("Turkey is hostile to the Syrian Druze.", "2024-05-10", ("TUR", "SYR", "criticism", "occurred")),
    ],
)
def test_relations_the_reviews_findings_stay_mended(parse, text, day, absent):
    k = keys(parse(text, day))
    if absent is None:
        assert k  # a row the first version lost: the meeting held, the accusation made, the talks under way
    else:
        assert absent not in k


def test_relations_money_for_an_army_is_military_aid(parse):
    k = keys(parse("Germany sent $100 million to support the Ukrainian army."))
    assert ("DEU", "UKR", "military_aid", "occurred") in k


@pytest.mark.parametrize(
    "text",
    [
        "Last year's summit in Nairobi ended without a deal. Ghana's President John Mahama will attend the summit.",
        "Egypt proposed that the summit be held in Cairo. Ghana's President John Mahama will attend the summit.",
        "Kenya hosted a donor conference in Nairobi in March. In June, Ghana's President John Mahama attended the"
        " conference in Accra.",
    ],
)
def test_relations_a_venue_only_proposed_another_occasions_or_the_sentences_own_place_is_no_venue(parse, text):
    assert not {k for k in keys(parse(text, "2025-05-10")) if k[2] == "visit"}


def test_relations_rows_have_codes_and_evidence(parse):
    p = parse("Japan and South Korea held talks in Seoul.")
    [r] = [r for r in extract_all(p)[0]["relations"] if r["relation_type"] == "meeting"]
    assert (r["cameo_code"], r["plover_type"], r["quad_class"]) == ("046", "CONSULT", 1)
    assert p.text[r["char_start"] : r["char_end"]] == r["evidence"]


@pytest.mark.parametrize(
    "text",
    [
        # tourists and private travellers are not a state visiting
        "Chinese tourists visited Malaysia in record numbers last year.",
        "Thai tourist visits to China rose by a fifth.",
        # a warning that informs is not a threat
        "Ankara warned Brussels that the suspect had tried to reach Syria.",
        # a rebel group named after a country is not the country
        "The Free Syrian Army received military support from Turkey.",
    ],
)
def test_relations_private_travel_warnings_and_rebel_groups_are_not_state_relations(parse, text):
    k = keys(parse(text, "2016-03-01"))
    assert not any(t in ("visit", "threat") for _, _, t, _ in k) and ("TUR", "SYR", "military_aid", "occurred") not in k


def test_relations_the_title_alone_is_the_office_of_the_article_country(parse):
    text = (
        "Japan's prime minister arrived in Hanoi on Monday. "
        "The prime minister met Vietnam's president and signed a port agreement."
    )
    k = keys(parse(text, "2016-05-02"))
    assert ("JPN", "VNM", "meeting", "occurred") in k


def test_relations_a_title_named_long_before_is_the_article_countrys_again(parse):
    text = (
        "Vietnam's prime minister opened the forum. Japan's prime minister sent a message. "
        "Delegates from many countries came. Talks ran late. Vietnam hosted a dinner. "
        "The prime minister met China's foreign minister."
    )
    k = keys(parse(text, "2016-05-02"))
    assert ("CHN", "VNM", "meeting", "occurred") in k and ("CHN", "JPN", "meeting", "occurred") not in k


@pytest.mark.parametrize(
    "text, absent",
    [
        # firms are not the state
        ("About a dozen U.S. brands are in talks with Cuba.", ("CUB", "USA", "meeting", "occurred")),
        # property sales are not arms sales
        (
            "British buyers made up 28 percent of property sales to non-U.S. buyers.",
            ("GBR", "USA", "military_aid", "occurred"),
        ),
    ],
)
def test_relations_firms_and_non_military_sales_are_not_state_relations(parse, text, absent):
    assert absent not in keys(parse(text, "2016-03-22"))


def test_relations_their_refers_to_the_two_actors_just_named(parse):
    text = "Iraq condemned the attack. Russian and Syrian jets stepped up their bombing of Aleppo."
    k = keys(parse(text, "2016-06-11"))
    assert not any(s == "IRQ" or t == "IRQ" for s, t, ty, _ in k if ty == "attack")


def test_relations_arms_sales_are_military_aid(parse):
    assert ("USA", "TWN", "military_aid", "occurred") in keys(
        parse("Washington approved arms sales to Taiwan.", "2016-03-01")
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        # a phone call between two leaders is a consultation
        (
            "Putin and U.S. President Barack Obama spoke by telephone on Monday about Syria.",
            ("RUS", "USA", "meeting", "occurred"),
        ),
        ("Obama and Putin discussed the accord by phone.", ("RUS", "USA", "meeting", "occurred")),
        # telling another state's official something is communicating with them (not telling reporters)
        (
            "The Chinese foreign minister told his Thai counterpart by phone that the plan was unwise.",
            ("CHN", "THA", "meeting", "occurred"),
        ),
        # "he" after "X ... said" is the one who said it, not the person named last
        (
            "U.S. Secretary of State John Kerry welcomed Putin's announcement and said he planned to visit Moscow next week.",
            ("USA", "RUS", "visit", "planned"),
        ),
        # a light verb with a possessive pronoun: "making his first visit"
        (
            "U.S. envoy Daniel Hale met Indian officials. Hale is making his first visit to Beijing on Tuesday.",
            ("USA", "CHN", "visit", "occurred"),
        ),
    ],
)
def test_relations_phone_calls_reporting_subjects_and_light_verbs(parse, text, expected):
    assert expected in keys(parse(text, "2016-03-15"))


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # criticism a deed provoked: its target is the one who did it
        (
            "Pyongyang said it had tested a missile, provoking condemnation from the United States.",
            ("USA", "PRK", "criticism", "occurred"),
            None,
        ),
        # taking part in a summit held abroad is a visit to the host country
        (
            "The Thai prime minister represented Thailand at the regional summit in the Lao capital of Vientiane.",
            ("THA", "LAO", "visit", "occurred"),
            None,
        ),
        (
            "Japanese Prime Minister Fumio Kishida will attend the G7 summit in Italy next week.",
            ("JPN", "ITA", "visit", "planned"),
            None,
        ),
        # hosting one at home is not
        ("Indonesian President Joko Widodo hosted the summit in Jakarta.", None, "visit"),
    ],
)
def test_relations_provoked_criticism_and_summits_attended_abroad(parse, text, expected, absent):
    k = keys(parse(text, "2024-05-02"))
    if expected:
        assert expected in k
    if absent:
        assert not any(t == absent for *_, t, _ in k)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dutch Prime Minister Ruud Lubbers, who is in Kenya to attend a trade fair, met investors.", ("NLD", "KEN")),
        ("Speaking in Madrid, the French foreign minister criticised the plan.", ("FRA", "ESP")),
        ("The Chilean president has spent the last two days in Tokyo promoting exports.", ("CHL", "JPN")),
        ("The Indian foreign minister, in Brazil for a summit, said the talks went well.", ("IND", "BRA")),
        ("Last month the Brazilian president was in Hanoi for two days of talks.", ("BRA", "VNM")),
        ("The Saudi foreign minister told journalists in Washington that the case was closed.", ("SAU", "USA")),
        # meeting someone who is no state's there ("business leaders") is still being there
        ("The Chinese premier met business leaders in Seoul on Monday.", ("CHN", "KOR")),
        # a city visited (places.csv) is its country visited
        ("President Xi Jinping arrived in Vladivostok on Tuesday for an economic forum.", ("CHN", "RUS")),
        ("The Indian prime minister visited Kazan last week.", ("IND", "RUS")),
        # at a gathering held abroad; a town its demonym or its of-phrase places
        ("At a trade forum in Nairobi, the Peruvian president praised Kenya's farmers.", ("PER", "KEN")),
        (
            "Speaking in the Chinese port of Dalian, the Chilean foreign minister praised the new terminal.",
            ("CHL", "CHN"),
        ),
        ("At a summit in the city of Kazan, the Indian prime minister criticised the sanctions.", ("IND", "RUS")),
    ],
)
def test_relations_an_official_said_to_be_in_another_country_or_city_visits_it(parse, text, expected):
    assert (*expected, "visit", "occurred") in keys(parse(text, "2024-05-02"))


@pytest.mark.parametrize(
    "text",
    [
        # who resides there, a country's troops, an official at home: no visit
        "The Chinese ambassador, speaking in Manila, rejected the claims.",
        "Russian troops are in Syria.",
        "Speaking in Paris, French President Emmanuel Macron said the talks had failed.",
        "Obama, who is in the last year of his presidency, met the Pope.",
        # "in" that names no place one is in: a language, a topic, a war
        "The Argentine president told the crowd in Spanish that he was moved.",
        "In terms of American tourist arrivals, the Thai minister said numbers would grow.",
        "Since leaving office, the French president has been active in the Ukraine-Russia war.",
        # who holds no office is no state's visitor
        "Former Sierra Leone President Koroma, who is now in exile in Ghana, denied it.",
    ],
)
def test_relations_being_somewhere_is_no_visit_for_residents_forces_or_hosts(parse, text):
    assert not any(t == "visit" for *_, t, _ in keys(parse(text, "2024-05-02")))


@pytest.mark.parametrize(
    "text, expected",
    [
        # who acts "together with" or "along with" the subject acts too
        (
            "In May, Mongolia, together with China and Russia, signed a treaty on transit.",
            {("CHN", "MNG", "agreement", "occurred"), ("MNG", "RUS", "agreement", "occurred")},
        ),
        (
            "France, along with Germany, condemned Russia.",
            {("FRA", "RUS", "criticism", "occurred"), ("DEU", "RUS", "criticism", "occurred")},
        ),
        # documents one signs: a roadmap, visa exemptions
        ("Hungary and Serbia signed a roadmap on rail links.", {("HUN", "SRB", "agreement", "occurred")}),
        ("Malaysia signed visa exemptions with Japan.", {("JPN", "MYS", "agreement", "occurred")}),
    ],
)
def test_relations_partners_alongside_the_subject_and_documents_signed(parse, text, expected):
    assert expected <= keys(parse(text, "2024-05-02"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # "what X calls Y": the thing named is what is criticised
        (
            "China criticised what it called American interference in Hong Kong.",
            ("CHN", "USA", "criticism", "occurred"),
        ),
        (
            "The Kremlin scoffed at what it called Washington's attempt to steer the talks.",
            ("RUS", "USA", "criticism", "occurred"),
        ),
        (
            "Iran has railed against what it calls American domination of the region.",
            ("IRN", "USA", "criticism", "occurred"),
        ),
    ],
)
def test_relations_what_a_critic_calls_something_is_its_target(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-02"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # alarm, outrage, anger voiced over what another state did
        (
            "Germany and France expressed alarm over the Russian manoeuvres.",
            ("FRA", "RUS", "criticism", "occurred"),
        ),
        ("The Philippines voiced outrage at Beijing's blockade.", ("PHL", "CHN", "criticism", "occurred")),
        # who causes the alarm does not feel it
        ("China's drills caused alarm over Taiwan's security.", None),
        ("Russia's move sparked concern over Ukraine's borders.", None),
    ],
)
def test_relations_voiced_alarm_is_criticism_caused_alarm_is_not(parse, text, expected):
    # The rules' reading (the pairs model, trained when "sparked concern" still gave the rules' hint,
    # backs the caused alarm too: a retrain learns it anew).
    rows = extract_all(parse(text, "2024-05-02"), learned=False)[0]["relations"]
    k = {(r["source_actor"], r["target_actor"], r["relation_type"], r["status"]) for r in rows}
    if expected:
        assert expected in k
    else:
        assert not any(t == "criticism" for *_, t, _ in k)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # leaving an agreement rejects it, and makes none
        (
            "Ukraine has withdrawn from the grain agreement with Turkey.",
            ("UKR", "TUR", "rejection", "occurred"),
            "agreement",
        ),
        (
            "The United States pulled out of the nuclear deal with Iran.",
            ("USA", "IRN", "rejection", "occurred"),
            "agreement",
        ),
        # an agreement that lapsed was not concluded then
        ("The science treaty between China and the United States expired in August.", None, "agreement"),
        # vetoing, disputing, shrugging off another's proposal, claim or demand
        ("Italy vetoed a NATO proposal on new bases.", ("ITA", "NATO", "rejection", "occurred"), None),
        ("The Philippines disputes China's claims to the reef.", ("PHL", "CHN", "rejection", "occurred"), None),
        ("The UN shrugged off American demands for more monitors.", ("UN", "USA", "rejection", "occurred"), None),
    ],
)
def test_relations_leaving_an_agreement_and_refusing_are_rejections(parse, text, expected, absent):
    rows = extract_all(parse(text, "2024-09-02"), learned=False)[0]["relations"]
    k = {(r["source_actor"], r["target_actor"], r["relation_type"], r["status"]) for r in rows}
    if expected:
        assert expected in k
    if absent:
        assert not any(t == absent for *_, t, _ in k)


def test_cooperation_one_withdraws_from_is_no_cooperation(parse):
    rows = extract_all(parse("Italy withdrew from its energy cooperation agreement with China.", "2024-09-02"))[0]
    assert not rows["cooperation"]
    assert not any(r["relation_type"] == "agreement" for r in rows["relations"])


@pytest.mark.parametrize(
    "text, expected",
    [
        # support received from troops, wherever the parser hangs "from", is military aid; and both
        # demonyms of "American and French troops" give it
        (
            "The Malian army got logistical backing from American and French soldiers.",
            {("USA", "MLI", "military_aid", "occurred"), ("FRA", "MLI", "military_aid", "occurred")},
        ),
        # who "has" support from someone receives it
        (
            "Myanmar's junta, which has military help from Russia and China, rejected the plan.",
            {("RUS", "MMR", "military_aid", "occurred"), ("CHN", "MMR", "military_aid", "occurred")},
        ),
    ],
)
def test_relations_support_received_from_troops_and_support_one_has(parse, text, expected):
    assert expected <= keys(parse(text, "2016-06-05"))


def test_a_region_named_after_a_compass_point_is_not_the_west(parse):
    # "West African": not WEST (the region's country is named elsewhere)
    k = keys(parse("A West African government welcomed support from American troops.", "2016-01-17"))
    assert not any("WEST" in (s, t) for s, t, *_ in k)


def test_capitals_naming_a_railways_ends_are_no_parties(parse):
    # "the Mombasa-Nairobi railway": Nairobi is a place on the line; "the China-Laos railway" names states
    text = (
        "Several flagship projects, such as the Mombasa-Nairobi line, the China-Laos railway, and the "
        "Jakarta-Bandung high-speed railway, are finished and in service."
    )
    pairs = {frozenset((r["actor_a"], r["actor_b"])) for r in extract_all(parse(text, "2023-10-10"))[0]["cooperation"]}
    assert not pairs & {frozenset(("KEN", "LAO")), frozenset(("IDN", "KEN")), frozenset(("IDN", "LAO"))}


def test_a_model_row_takes_the_modality_of_the_word_that_names_its_target(parse):
    # Two visit words: the one whose phrase names the Palestinians is negated, whatever the other says.
    # (our sample article on Modi's Israel visit: another sentence's reception of Abbas in New Delhi
    # makes the pair likely enough for the model)
    from relata.settings import SAMPLE_DIR

    text = (SAMPLE_DIR / "2017-07-04-modi-israel-visit.txt").read_text()
    k = keys(parse(text, "2017-07-04"))
    assert not {x for x in k if x[1] == "PSE" and x[2] == "visit"}


def test_cooperation_an_area_word_in_an_officials_title_is_no_topic(parse):
    text = "The Indian defence minister spoke by phone with his Japanese counterpart."
    assert not extract_all(parse(text, "2016-04-02"), learned=False)[0]["cooperation"]


def test_cooperation_a_rejected_proposal_is_none(parse):
    rows = extract_all(
        parse("The Polish and Hungarian governments rejected a German plan to trim regional funds.", "2004-06-05")
    )
    assert not rows[0]["cooperation"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the goods are named in an of-phrase with compounds
        (
            "Russia delivered the first part of the S-400 missile defence system to India in April.",
            ("RUS", "IND", "military_aid", "occurred"),
        ),
        # the parties hang on the deal's participle
        (
            "Officials fear that the accord reached between Egypt and Ethiopia will not hold.",
            ("EGY", "ETH", "agreement", "occurred"),
        ),
        # welcoming another state's move endorses it
        ("The German chancellor welcomed Poland's announcement.", ("DEU", "POL", "praise", "occurred")),
    ],
)
def test_relations_goods_in_of_phrases_and_parties_on_participles(parse, text, expected):
    assert expected in keys(parse(text, "2016-03-01"))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Officials praised Sino-Malaysian cooperation at the forum.",
            ("CHN", "MYS", "economic_cooperation", "occurred"),
        ),
        ("Vietnam and Laos deepened economic ties last year.", ("LAO", "VNM", "economic_cooperation", "occurred")),
        ("Collaboration between Chile and Peru has grown.", ("CHL", "PER", "economic_cooperation", "occurred")),
    ],
)
def test_relations_economic_cooperation_in_noun_phrases(parse, text, expected):
    assert expected in keys(parse(text, "2024-10-19"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # "each other": both directions
        (
            "The defence ministers of China and Indonesia visited each other last year.",
            {("CHN", "IDN", "visit", "occurred"), ("IDN", "CHN", "visit", "occurred")},
        ),
        # "expected in X": a planned visit, also as a bare participle
        (
            "Indian Prime Minister Narendra Modi is expected in Washington next week.",
            {("IND", "USA", "visit", "planned")},
        ),
        (
            "President Xi Jinping, expected in Peru for a summit that month, could open the port.",
            {("CHN", "PER", "visit", "planned")},
        ),
    ],
)
def test_relations_reciprocal_and_expected_visits(parse, text, expected):
    assert expected <= keys(parse(text, "2024-04-02"))


def test_relations_a_subject_pronoun_continues_the_last_sentences_subject(parse):
    text = (
        "British Prime Minister Theresa May spoke to European Commission head Jean-Claude Juncker. "
        "She also spoke to U.S. President Barack Obama."
    )
    k = keys(parse(text, "2016-08-01"))
    assert ("GBR", "USA", "meeting", "occurred") in k and ("EU", "USA", "meeting", "occurred") not in k


def test_relations_an_event_said_to_be_likely_is_planned(parse):
    assert ("CHN", "IND", "meeting", "planned") in keys(parse("Talks between China and India are likely next month."))


def test_relations_the_subject_of_a_verb_is_the_source_of_an_event_that_is_a_part_of_its_object(parse):
    # not one deep in its object (below), unless that object names a part of the event
    text = "Vladimir Putin and Xi Jinping attended the opening of joint naval exercises in May."
    assert ("CHN", "RUS", "military_cooperation", "occurred") in keys(parse(text, "2014-05-21"))


# A row must not match the pattern (None matches anything, a set any of its members).
@pytest.mark.parametrize(
    "text, published, forbidden",
    [
        # "speak out" is no conversation
        ("Russia and China spoke out against the resolution.", "2024-06-18", (None, None, "meeting", None)),
        # diplomatic ties are not economic cooperation
        ("Japan has diplomatic ties with Peru.", "2024-06-18", (None, None, "economic_cooperation", None)),
        # a participle with a by-agent takes its source from the agent
        (
            "Diplomats said it reflected an ambitious China, often backed by deep pockets, far from Peru.",
            "2024-04-02",
            (None, None, "support", None),
        ),
        # the subject of a verb is not the source of an event deep in its object
        (
            "Belgian police questioned the survivors of the attacks on Paris.",
            "2016-03-25",
            (None, None, "attack", None),
        ),
        # calls for something are demands, not phone calls
        (
            "Britain and Germany have been resisting calls for fiscal stimulus.",
            "2016-03-07",
            ("DEU", "GBR", "meeting", "occurred"),
        ),
        # an event said to be unlikely did not happen
        (
            "A large-scale strike by North Korea against the South is highly unlikely.",
            "2016-03-07",
            ("PRK", "KOR", "attack", "occurred"),
        ),
        # activists and rebels are not their state
        (
            "Pro-Palestinian campus activists say they are voicing legitimate criticism of Israel.",
            "2016-03-07",
            ({"PSE", "SYR"}, None, None, None),
        ),
        ("Syrian rebels attacked Turkish positions near the border.", "2016-03-07", ({"PSE", "SYR"}, None, None, None)),
        # inside a conditional clause, at any depth
        (
            "Pyongyang will strike first if it sees signs that American troops are attempting to invade the North.",
            "2016-03-07",
            (None, None, "attack", "occurred"),
        ),
        # ability is not an event
        (
            "When war breaks out, Japan and the U.S. can easily target China with missiles.",
            "2016-03-07",
            (None, None, "attack", "occurred"),
        ),
    ],
)
def test_relations_what_is_not_a_state_event(parse, text, published, forbidden):
    for key in keys(parse(text, published)):
        assert not all(f is None or (v in f if isinstance(f, set) else f == v) for f, v in zip(forbidden, key)), key


@pytest.mark.parametrize(
    "text",
    [
        "Turkey has upbraided the United States for arming the militia.",
        "Poland berated Germany over its slow delivery of tanks.",
        "Chile reproached Peru for the border incident.",
    ],
)
def test_relations_reproaching_verbs_are_criticism(parse, text):
    # CAMEO 111 verbs the annotated corpus uses that the lexicon lacked ("upbraided the United States"); a deed
    # they name ("for arming the militia") also makes an accusation (the guide's note 13)
    got = {(r["relation_type"], r["status"]) for r in extract_all(parse(text, "2016-03-01"))[0]["relations"]}
    assert got - {("accusation", "occurred")} == {("criticism", "occurred")}


def test_the_former_and_the_latter_are_the_two_actors_the_sentence_before_named(parse):
    # The rules alone: the trained model reads pairs a sentence names, and this one names neither.
    text = "Vietnam and China held talks. At the United Nations the former accused the latter of ramming its fishing boats."
    rows = extract_all(parse(text, "2016-03-20"), learned=False)[0]["relations"]
    accusations = {(r["source_actor"], r["target_actor"]) for r in rows if r["relation_type"] == "accusation"}
    assert accusations == {("VNM", "CHN")}


def test_a_pronoun_in_an_opening_clause_is_the_main_subject_named_after_it(parse):
    # The rules alone (the trained model reads the pair from the names either way).
    text = (
        "Describing his talks with Xi Jinping as warm, Vladimir Putin said the two countries were strengthening ties."
    )
    rows = extract_all(parse(text, "2024-05-17"), learned=False)[0]["relations"]
    met = {frozenset((r["source_actor"], r["target_actor"])) for r in rows if r["relation_type"] == "meeting"}
    assert frozenset(("RUS", "CHN")) in met


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a call on a state to stop doing something blames it
        ("Canada urged Turkey to stop its raids across the border.", {("CAN", "TUR", "criticism", "occurred")}, set()),
        (
            "Norway called on Sudan and Chad to halt their cross-border raids.",
            {("NOR", "SDN", "criticism", "occurred"), ("NOR", "TCD", "criticism", "occurred")},
            set(),
        ),
        ("Britain pressed China to halt its drills near Taiwan.", {("GBR", "CHN", "criticism", "occurred")}, set()),
        # a call to release something blames no one by itself (tanks, funds)
        ("Kyiv urged Berlin to release the tanks.", set(), {("UKR", "DEU", "criticism", "occurred")}),
        # a call to act otherwise blames no one, nor does a call on both sides of a fight
        ("Japan urged the US to talk to Iran.", set(), {("JPN", "USA", "criticism", "occurred")}),
        (
            "Armenian and Azerbaijani troops clashed again. Germany called on both sides to stop fighting.",
            set(),
            {("DEU", "ARM", "criticism", "occurred"), ("DEU", "AZE", "criticism", "occurred")},
        ),
    ],
)
def test_relations_a_call_on_a_state_to_stop_is_criticism_of_it(parse, text, expected, absent):
    got = keys(parse(text, "2020-01-01"))
    assert expected <= got and not (absent & got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ministers, envoys and delegations take their country from "from", as officials do
        ("Putin met ministers from Iraq in Moscow.", ("IRQ", "RUS", "meeting", "occurred")),
        ("Xi hosted a delegation from Vietnam.", ("VNM", "CHN", "visit", "occurred")),
        # an official spending time with another state's is a meeting
        ("Modi spent two days with Abe in Kyoto.", ("IND", "JPN", "meeting", "occurred")),
    ],
)
def test_relations_officials_from_a_country_and_time_spent_together(parse, text, expected):
    assert expected in keys(parse(text, "2020-01-01"))


def test_relations_time_spent_with_family_is_no_meeting(parse):
    assert keys(parse("Iran's oil minister spent the evening with Qatari businessmen.", "2020-01-01")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever hosts another state's leader meets them, besides the guest's visit
        ("Xi hosted the leaders of Vietnam and Laos in Beijing.", ("CHN", "VNM", "meeting", "occurred")),
        ("Xi hosted the leaders of Vietnam and Laos in Beijing.", ("VNM", "CHN", "visit", "occurred")),
        # a joint news conference with a counterpart
        (
            "The Japanese minister held a joint news conference with his Indian counterpart.",
            ("IND", "JPN", "meeting", "occurred"),
        ),
    ],
)
def test_relations_hosting_and_a_joint_conference_are_meetings(parse, text, expected):
    assert expected in keys(parse(text, "2024-01-01"))


def test_relations_hosting_an_event_meets_no_one(parse):
    assert keys(parse("China hosted Japanese tourists at the Asian Games.", "2024-01-01")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partnership declared, forged or established is a concluded agreement
        ("Kenya and Ghana established a strategic partnership.", ("GHA", "KEN", "agreement", "occurred")),
        ("Chile and Peru declared an open-ended partnership in 2019.", ("CHL", "PER", "agreement", "occurred")),
        # raising ties to a new level is agreed by both
        (
            "Ghana and Senegal upgraded their ties to a strategic partnership.",
            ("GHA", "SEN", "agreement", "occurred"),
        ),
    ],
)
def test_relations_a_partnership_established_or_ties_upgraded_are_agreements(parse, text, expected):
    assert expected in keys(parse(text, "2023-01-01"))


def test_relations_declaring_an_emergency_agrees_nothing(parse):
    assert keys(parse("Japan declared the trade deal with Korea dead.", "2023-01-01")) == set()


def test_relations_military_cooperation_under_way_is_also_carried_out(parse):
    # The cooperation table reads ongoing military ties; the relation is their carrying out
    # (relation_type_rules.csv carried_out_areas). Only planned, it stays a cooperation row alone.
    out = extract_all(parse("Turkey has deepened its military ties with Azerbaijan.", "2023-01-01"))[0]
    assert ("AZE", "TUR", "military", "ongoing") in {
        (r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in out["cooperation"]
    }
    assert ("AZE", "TUR", "military_cooperation", "occurred") in {
        (r["source_actor"], r["target_actor"], r["relation_type"], r["status"]) for r in out["relations"]
    }
    planned = keys(parse("Turkey and Azerbaijan will expand military cooperation next year.", "2023-01-01"))
    assert not {k for k in planned if k[2] == "military_cooperation"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving a bloc, or a scheme a state's name marks, rejects it (the guide: leaving a pact)
        ("Kenya withdrew from the African Union.", {("KEN", "AU", "rejection", "occurred")}),
        (
            "Argentina's president withdrew his country from BRICS last year.",
            {("ARG", "BRICS", "rejection", "occurred")},
        ),
        ("Italy dropped out of China's Belt and Road scheme.", {("ITA", "CHN", "rejection", "occurred")}),
        # leaving a country, or withdrawing troops, is no rejection
        ("The US pulled out of Afghanistan in 2021.", set()),
        ("Russia withdrew troops from Syria.", set()),
    ],
)
def test_relations_leaving_a_bloc_or_a_states_scheme_is_a_rejection(parse, text, expected):
    got = {k for k in keys(parse(text, "2023-06-01")) if k[2] == "rejection"}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shooting down or turning down another's proposal rejects it; shooting down a jet attacks
        ("Chile and Peru shot down a Bolivian proposal on water rights.", ("CHL", "BOL", "rejection", "occurred")),
        ("Tokyo turned down Seoul's offer of talks.", ("JPN", "KOR", "rejection", "occurred")),
        ("Russia shot down a Turkish jet.", ("RUS", "TUR", "attack", "occurred")),
    ],
)
def test_relations_a_proposal_shot_down_or_turned_down_is_rejected(parse, text, expected):
    got = keys(parse(text, "2023-06-01"))
    assert expected in got and not (expected[2] == "attack" and any(k[2] == "rejection" for k in got))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named source's support "of" someone is support for them
        ("Blinken affirmed Washington's support of the African Union.", ("USA", "AU", "support", "occurred")),
        ("Hanoi's support of Beijing's new initiatives was noted.", ("VNM", "CHN", "support", "occurred")),
        # the supporter of someone supports them
        # and "the support of X" with no possessor is still X's
        ("Ukraine won the support of Poland for its bid.", ("POL", "UKR", "support", "occurred")),
    ],
)
def test_relations_support_of_and_supporters(parse, text, expected):
    assert expected in keys(parse(text, "2024-06-01"))


def test_relations_an_event_noun_under_without_did_not_happen(parse):
    got = keys(parse("Kenya cannot sign the deal without the support of Uganda.", "2024-06-01"))
    assert not {k for k in got if k[2] == "support"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who a that-clause says acted is the target of the complaint, concern, protest or allegation
        (
            "Seoul and Beijing often complain that Tokyo has never apologised properly.",
            {("KOR", "JPN", "criticism", "occurred"), ("CHN", "JPN", "criticism", "occurred")},
        ),
        ("Canada voiced concern that India had meddled in its politics.", {("CAN", "IND", "criticism", "occurred")}),
        ("Ukraine alleged that Russia had shelled the plant.", {("UKR", "RUS", "accusation", "occurred")}),
        # a passive clause names no one acting
        ("Kenya complained that it was not invited.", set()),
    ],
)
def test_relations_the_actor_of_a_that_clause_is_the_target(parse, text, expected):
    got = {k for k in keys(parse(text, "2024-06-01")) if k[2] in ("criticism", "accusation")}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # equipment given is aid; military equipment, military aid
        ("China provided military equipment to Fiji.", ("CHN", "FJI", "military_aid", "occurred")),
        ("Japan provided medical equipment to Turkey.", ("JPN", "TUR", "economic_aid", "occurred")),
    ],
)
def test_relations_equipment_given_is_aid_of_its_kind(parse, text, expected):
    got = keys(parse(text, "2024-06-01"))
    assert expected in got and len({k[2] for k in got if k[:2] == expected[:2]}) == 1


def test_relations_presence_abroad_needs_a_named_official_not_a_pronoun(parse):
    # Judged (21st sample): "he told reporters in Beijing" with "he" resolved to the wrong side's
    # official became a visit; the presence rule now reads only officials the sentence names.
    named = keys(
        parse("Malaysia's transport minister told reporters in Beijing that the work would go on.", "2024-06-01")
    )
    assert ("MYS", "CHN", "visit", "occurred") in named
    text = "Malaysia's transport minister praised the search teams. He told reporters in Beijing that the work would go on."
    assert not {k for k in keys(parse(text, "2024-06-01")) if k[2] == "visit"}


def test_relations_a_dead_leaders_body_arriving_is_no_visit(parse):
    # Judged (21st sample): a leader's body flown in for a funeral became a visit, with the models too.
    # (keys() reads the rules and the trained models, as a build does)
    text = "The body of the late Ghanaian president arrived in Lagos from London for a memorial."
    assert not {k for k in keys(parse(text, "2004-11-12")) if k[2] == "visit"}
    # a body of officials still travels
    assert ("UN", "IRQ", "visit", "occurred") in keys(parse("A UN body visited Iraq in May.", "2004-11-12"))


@pytest.mark.parametrize(
    "text",
    ["The agency's chief visited an exhibition of Korean ceramics.", "Modi visited the Japan pavilion at the fair."],
)
def test_relations_visiting_a_display_of_a_countrys_things_is_no_visit_to_it(parse, text):
    # Judged (21st sample): an agency's heads touring a country's exhibit at a fair elsewhere, a visit
    # (with the models too: keys() reads both).
    assert not {k for k in keys(parse(text, "2024-06-01")) if k[2] == "visit"}


def test_relations_withdrawing_from_a_region_or_fearing_for_an_economy_relates_no_one(parse):
    # a region of a country is a place left, not a membership; a that-clause of what may happen to
    # a thing names no one acting
    assert not keys(parse("Russian troops withdrew from Ukraine's Kherson region.", "2023-06-01"))
    assert not keys(parse("Australia voiced concern that China's economy might slow.", "2023-06-01"))


def test_relations_one_phrase_is_not_both_source_and_target_of_a_directed_relation(parse):
    # Judged (21st sample): "with the support of" a list of states read the list as the support's
    # source and (through "of") its target: each member supporting the others.
    text = (
        "Floods and debt are the grounds for Kenya's appeal to found a new bank "
        "with the support of Ghana, Chad, Mali, Niger and Togo."
    )
    listed = {"GHA", "TCD", "MLI", "NER", "TGO"}
    got = keys(parse(text, "2023-06-01"))
    assert not {k for k in got if k[0] in listed and k[1] in listed}
    # a symmetric relation names both sides in one phrase
    assert ("JPN", "KOR", "meeting", "occurred") in keys(
        parse("Talks between Japan and South Korea resumed on Monday.")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest drawn from a state targets whoever drew it, also through a participle's subject
        (
            "Ghana closed the border crossing, prompting a sharp protest from Togo.",
            {("TGO", "GHA", "criticism", "occurred")},
        ),
        # a rebuke delivered to a state targets it
        (
            "Last week Chile delivered a stern rebuke to Peru over fishing rights.",
            {("CHL", "PER", "criticism", "occurred")},
        ),
        # allegations that a state acted accuse the actor of the clause; who studies them did not make them
        ("Kenya made allegations that Somalia had armed the raiders.", {("KEN", "SOM", "accusation", "occurred")}),
        ("Kenya studied allegations that Somalia had armed the raiders.", set()),
    ],
)
def test_relations_protests_rebukes_and_allegations_name_their_parties(parse, text, expected):
    got = {k for k in keys(parse(text, "2024-06-01")) if k[2] in ("criticism", "accusation")}
    assert got == expected


def test_relations_a_meeting_of_three_pairs_each_two_of_more_only_the_hub(parse):
    # three leaders at one table all talk to one another (annotated so); among four or more only the
    # participant the article is most about is paired with each of the others
    three = keys(parse("The leaders of Kenya, Uganda and Tanzania held a summit on Friday.", "2024-06-01"))
    assert {k[:2] for k in three if k[2] == "meeting"} == {("KEN", "UGA"), ("KEN", "TZA"), ("TZA", "UGA")}
    # (the rules' pairing: the models may read further pairs of such a sentence)
    four = extract_all(
        parse(
            "Ghana hosted the talks. The leaders of Ghana, Togo, Benin and Niger held talks on Friday.", "2024-06-01"
        ),
        learned=False,
    )[0]["relations"]
    pairs = {(r["source_actor"], r["target_actor"]) for r in four if r["relation_type"] == "meeting"}
    assert pairs == {("BEN", "GHA"), ("GHA", "TGO"), ("GHA", "NER")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second "with" the parser conjoins to the preposition before it still names a partner
        (
            "Chile signed similar accords with Ghana in 2021 and with Peru in 2022.",
            {("CHL", "GHA", "agreement", "occurred"), ("CHL", "PER", "agreement", "occurred")},
        ),
        # a swap or exchange of prisoners is a deal between the two sides; an exchange of fire is not
        (
            "The two pilots came home in a prisoner swap between Minsk and Warsaw.",
            {("BLR", "POL", "agreement", "occurred")},
        ),
        ("Indian and Pakistani troops had an exchange of fire overnight.", set()),
    ],
)
def test_relations_agreements_with_conjoined_partners_and_prisoner_swaps(parse, text, expected):
    assert {k for k in keys(parse(text, "2024-06-01")) if k[2] == "agreement"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X-backed" on a state's government or forces is X's support of that state
        ("Talks between the Iran-backed government of Yemen and the rebels resumed.", {("IRN", "YEM")}),
        ("Russia-backed Syrian forces took the town.", {("RUS", "SYR")}),
        # rebels and an opposition are no organ of the state they fight in
        ("Iran-backed Yemeni rebels fired a missile at a ship.", set()),
        ("The US-backed Venezuelan opposition forces marched on Caracas.", set()),
    ],
)
def test_relations_backed_governments_and_forces_are_support(parse, text, expected):
    # (backing of a state's forces is military aid since the ninth session: the support's military variant)
    got = {k[:2] for k in keys(parse(text, "2015-06-01")) if k[2] in ("support", "military_aid")}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the trip is said to be, it is
        ("Ruto is the Kenyan president. His first trip abroad was to Ghana.", ("KEN", "GHA")),
        # the stops a relative clause says the trip took in
        ("Kenyan President Ruto's trip, which has included Fiji and Samoa, ends on Friday.", ("KEN", "WSM")),
    ],
)
def test_relations_visits_a_trip_is_said_to_be_and_its_stops(parse, text, expected):
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert expected in {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "visit"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # warning a state off a deed threatens it and criticises it; warning it of weather does not
        (
            "Ghana warned Togo not to move troops to the border.",
            {("GHA", "TGO", "threat"), ("GHA", "TGO", "criticism")},
        ),
        ("Ghana warns Togo against new tariffs", {("GHA", "TGO", "threat"), ("GHA", "TGO", "criticism")}),
        ("Ghana warned Togo of a storm.", set()),
        # advice not to expect something is no threat
        ("Ghana warned Togo not to expect quick membership.", set()),
        # a warning of one's own strike is a threat, no strike made; of an attack, a forecast
        ("Ghana warned of a pre-emptive strike on Togo.", {("GHA", "TGO", "threat")}),
        ("Ghana warned of an imminent attack on Togo.", set()),
        # the deed a threat noun's infinitive names is threatened, by who issues the threats, not by
        # who condemns them
        ("Ghana has issued threats to fire rockets at Togo.", {("GHA", "TGO", "threat")}),
        ("Benin condemned threats to fire rockets at Togo.", set()),
    ],
)
def test_relations_warnings_off_and_threats_of_strikes_are_threats(parse, text, expected):
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # severing or breaking off ties rejects the partner; cutting a road does not
        ("Ghana severed diplomatic relations with Togo.", {("GHA", "TGO")}),
        ("Ghana broke off relations with Togo in 1990.", {("GHA", "TGO")}),
        ("Ghana cut tariffs with Togo.", set()),
        # blocking a state's resolution rejects it
        ("Russia moved to block a British draft resolution on the ceasefire.", {("RUS", "GBR")}),
    ],
)
def test_relations_severed_ties_and_blocked_resolutions_are_rejections(parse, text, expected):
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "rejection"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's forces that another supplied or armed are its military aid to them
        ("Moscow waged war on NATO-supplied Ukrainian forces.", {("NATO", "UKR")}),
    ],
)
def test_relations_forces_another_state_supplied_are_its_military_aid(parse, text, expected):
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "military_aid"} == expected


def test_relations_a_countrys_opposition_is_not_the_country(parse):
    # Judged (22nd sample): a headline's "X opposition ... blames Russia" made X's state the accuser.
    got = extract_all(parse("Chad's opposition blamed Sudan for the delays.", "2016-02-01"), learned=False)[0]
    assert not got["relations"]


@pytest.mark.parametrize(
    ("text", "city_state"),
    [
        ("Ghana hailed the Paris Climate Agreement.", "FRA"),
        ("Ghana and Togo backed the Vienna Convention.", "AUT"),
    ],
)
def test_relations_a_city_naming_an_accord_is_no_party_to_it(parse, text, city_state):
    # Judged (22nd sample): the city an accord is named after made France a party of others' deal.
    got = extract_all(parse(text, "2016-02-01"), learned=False)[0]["relations"]
    assert city_state not in {r["source_actor"] for r in got} | {r["target_actor"] for r in got}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid "from X to Y" names its giver and its receiver (a review caught a from-to range filter
        # that dropped the giver)
        ("Military aid from Norway to Ukraine has slowed.", ("NOR", "UKR", "military_aid")),
        # a Title Case headline's capitals are parties, not an accord's name
        ("Kyiv Signs Security Agreement With Berlin", ("DEU", "UKR", "agreement")),
    ],
)
def test_relations_review_regressions_keep_their_parties(parse, text, expected):
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert expected in {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got}


def test_relations_a_trip_the_copula_denies_went_nowhere(parse):
    text = "Ruto is the Kenyan president. His first trip abroad was not to Ghana."
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert not [r for r in got if r["relation_type"] == "visit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whose neighbours they are is not who they are: the examples named are
        (
            "Peru signed port deals with Ghana's neighbours, including Togo and Benin.",
            {("BEN", "PER", "agreement"), ("PER", "TGO", "agreement")},
        ),
        # one "between" phrase naming a bloc and its partners: the bloc meets each, the partners
        # are not paired with one another
        (
            "At the yearly meeting between ASEAN and its partners including Peru, Chile, Kenya and Ghana, "
            "the leaders adopted a statement.",
            {
                ("ASEAN", "PER", "meeting"),
                ("ASEAN", "CHL", "meeting"),
                ("ASEAN", "KEN", "meeting"),
                ("ASEAN", "GHA", "meeting"),
            },
        ),
    ],
)
def test_relations_partners_of_an_owner_are_the_examples_named_each_with_the_owner(parse, text, expected):
    # Annotated corpus: "infrastructure deals with India's neighbours, including Bangladesh and Sri
    # Lanka" was China's deal with India; the bloc's partners met one another, 15 wrong rows.
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a between-phrase naming two parties says whose the deal is, not the broker's
        ("Peru brokered a deal between Kenya and Ghana.", {("GHA", "KEN", "agreement")}),
        ("Peru brokered an entente between Kenya and Ghana.", {("GHA", "KEN", "agreement")}),
        # a joint statement two leaders sign is an agreement; states signing a statement against a
        # third agree with no one
        ("Kenya's president and Ghana's president signed a joint statement.", {("GHA", "KEN", "agreement")}),
        (
            "Fifty states, including Kenya, Togo and Peru, signed a statement condemning Ghana.",
            {("KEN", "GHA", "criticism"), ("TGO", "GHA", "criticism"), ("PER", "GHA", "criticism")},
        ),
        # attending or hosting talks between two is taking part in them
        (
            "Egypt hosted talks between Kenya and Ghana.",
            # (and the guests of talks a state hosts come to it: 52765d5)
            {
                ("EGY", "KEN", "meeting"),
                ("EGY", "GHA", "meeting"),
                ("GHA", "KEN", "meeting"),
                ("KEN", "EGY", "visit"),
                ("GHA", "EGY", "visit"),
            },
        ),
    ],
)
def test_relations_a_deal_between_two_is_theirs_and_a_signed_statement_is_an_agreement(parse, text, expected):
    # Annotated corpus: "X brokered an entente between A and B" and "the two leaders signed a joint
    # statement" were missed; drills or cooperation "between A and B" in a clause whose subject is a
    # third state paired the third state with each (6 wrong rows).
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got} == expected


def test_relations_a_leaders_family_name_the_ner_takes_for_a_place_is_the_leader(parse):
    # Annotated corpus: "Yoon" and "Wang" alone, labelled a place or a body by the small model, were
    # no one, though the article had named the leader in full before.
    text = "Yoon Suk Yeol, the South Korean president, met Kishida in May. China condemned Yoon last year after his remarks."
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert ("CHN", "KOR", "criticism") in {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got}
    # a bare name nobody named in full before stays no one
    got = extract_all(parse("China condemned Yoon last year after his remarks.", "2024-06-01"), learned=False)
    assert got[0]["relations"] == []


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the topics listed after "covered" on the tone: they had become targets
        "Kenya's envoy struck a fairly calm tone as he also covered ties with Ghana and the Togo conflict, "
        "Kenya's slowing economy and its hopes in farming.",
    ],
)
def test_relations_striking_a_tone_or_a_balance_is_no_attack(parse, text):
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert not [r for r in got if r["relation_type"] == "attack"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the gathering an official took part in is where they were, the place hung on its partner
        (
            "During a recent meeting with business leaders in Accra, Chinese Premier Li Qiang praised Ghana.",
            ("CHN", "GHA", "visit"),
        ),
        # the parser hangs the gathering on the verb's object: its subject was there all the same
        (
            "The Ghanaian envoy announced the decision at a forum in Nairobi on Friday.",
            ("GHA", "KEN", "visit"),
        ),
        # a visit from someone is theirs; a visit "from" a place is the subject's
        ("A visit from Kenyan President William Ruto to Ghana is planned for May.", ("KEN", "GHA", "visit")),
        ("Kenya's president made a surprise visit to Accra from Togo.", ("KEN", "GHA", "visit")),
    ],
)
def test_relations_visits_told_by_a_gathering_during_which_or_a_visit_from(parse, text, expected):
    # Annotated corpus: a Chinese premier's remarks "during a meeting with ... in Seoul" and "a
    # surprise visit from" a president were no visits.
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert expected in {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what two sides trade at each other: each did it to the other, and no commerce
        (
            "Kenyan and Ghanaian officials traded allegations of shelling border towns.",
            {("KEN", "GHA", "accusation"), ("GHA", "KEN", "accusation")},
        ),
        ("Kenya traded fire with Ghana along the border.", {("KEN", "GHA", "attack"), ("GHA", "KEN", "attack")}),
        ("Kenya and Ghana traded barbs on Monday.", {("KEN", "GHA", "criticism"), ("GHA", "KEN", "criticism")}),
        ("Kenya traded goods with Ghana.", {("GHA", "KEN", "economic_cooperation")}),
        # weapons traded for food, ideas traded: commerce or talk, not blows or charges
        ("Kenya traded rockets with Ghana in exchange for food.", {("GHA", "KEN", "economic_cooperation")}),
        ("Kenya and Ghana traded words on Monday.", {("KEN", "GHA", "criticism"), ("GHA", "KEN", "criticism")}),
        # a case or a complaint filed against a state (or a state's own) accuses it
        ("Kenya's complaint against Ghana was upheld.", {("KEN", "GHA", "accusation")}),
        (
            "The EU has filed a case against Ghana at the WTO.",
            {("EU", "GHA", "accusation")},
        ),
        ("Kenya lodged a complaint against Ghana with the WTO.", {("KEN", "GHA", "accusation")}),
        # not a person's case, nor a private complaint, nor a case dropped or only argued
        ("The case against Ghana's former president was dropped.", set()),
        ("The EU dropped its case against Ghana.", set()),
        ("Kenya has a strong case against Ghana, its minister said.", set()),
        ("Kenyan farmers filed a complaint against Ghana.", set()),
    ],
)
def test_relations_traded_accusations_are_mutual_and_cases_filed_accuse(parse, text, expected):
    # Annotated corpus: officials who "traded allegations" of bombing were read as trade between
    # their states, and a case filed against a state at the WTO as nothing.
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who is slammed or sanctioned "for" doing something did it, not the one who judges
        # (and accused of it: a condemnation that names a deed is an accusation, the guide's note 13)
        (
            "Togo slammed Kenya for backing Ghana.",
            {("TGO", "KEN", "criticism"), ("TGO", "KEN", "accusation"), ("KEN", "GHA", "support")},
        ),
        ("The US sanctioned two Ghanaian firms for supporting Togo's army.", set()),
        # backing sanctions on a state is no support of it
        ("Kenya's parliament backs broader Ghana sanctions.", set()),
        ("Kenya backed Ghana's government.", {("KEN", "GHA", "support")}),
        # a state backed beside a measure still is
        ("Kenya supports Ghana and its plan for the border.", {("KEN", "GHA", "support")}),
    ],
)
def test_relations_the_judged_did_the_deed_and_backing_a_measure_supports_no_one(parse, text, expected):
    # Annotated corpus: an embassy blasting the US and its allies for backing the Philippines made
    # China the supporter, the Treasury blacklisting Iranian firms for supporting Iran's missile work
    # made the United States one, and a House backing North Korea sanctions a US support of it.
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya has formally sought assistance from Ghana's police to track the thieves.", set()),
        ("Kenya asked Ghana for help.", set()),
        ("Kenya received assistance from Ghana.", {("GHA", "KEN", "economic_aid")}),
    ],
)
def test_relations_help_asked_for_is_not_given(parse, text, expected):
    # Annotated corpus: help a state sought from another's police, or a leader sought from a bloc, was
    # stored as aid or support to come; the corpus never has asked-for help as aid.
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got} == expected


@pytest.mark.parametrize(
    "text",
    [
        "During a phone call with officials in Accra, the Kenyan president pledged more trade with Ghana.",
        "During the talks in Accra between Peru and Chile, the Kenyan president criticised his country's exclusion.",
    ],
)
def test_relations_a_call_or_others_talks_during_which_one_spoke_is_no_visit(parse, text):
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert not [r for r in got if r["relation_type"] == "visit" and r["source_actor"] == "KEN"]


def test_relations_a_family_name_after_the_full_name_in_the_same_sentence_is_the_leader(parse):
    text = "Yoon Suk Yeol, the South Korean president, visited Japan in 2023, and China condemned Yoon for it."
    got = extract_all(parse(text, "2024-06-01"), learned=False)[0]["relations"]
    assert ("CHN", "KOR", "criticism") in {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in got}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deal not made yet is an agreement planned, as the cooperation table reads it
        ("Kenya and Ghana are nearing a trade deal.", {("GHA", "KEN", "agreement", "planned")}),
        ("The draft trade deal between Kenya and Ghana leaked.", {("GHA", "KEN", "agreement", "planned")}),
        ("Kenya and Ghana are still without a trade deal.", set()),
        # one negotiated in the past, or whose framework now guides talks, was made
        ("Kenya negotiated a trade deal with Ghana in 2019.", {("GHA", "KEN", "agreement", "occurred")}),
    ],
)
def test_relations_an_agreement_not_made_yet_is_planned_like_its_cooperation(parse, text, expected):
    # Review: "eyes a deal" was cooperation planned but an agreement occurred in relations.
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {
        (r["source_actor"], r["target_actor"], r["relation_type"], r["status"])
        for r in got
        if r["relation_type"] == "agreement"
    } == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state said to be concerned, worried or alarmed about another's deeds criticises it
        ("Norway is deeply worried about Sudan's treatment of refugees.", {("NOR", "SDN", "criticism", "occurred")}),
        ("Kenya remains alarmed by Uganda's border patrols.", {("KEN", "UGA", "criticism", "occurred")}),
        # not when the copula is negated or the concern is only what ought to be
        ("Ghana said it was not concerned about Togo's new tariffs.", set()),
        ("Chile ought to be alarmed over Peru's fishing fleet.", set()),
        # the parties concerned are not concerned about anything
        ("Peru and Chile, the parties concerned, met in Lima.", {("CHL", "PER", "meeting", "occurred")}),
    ],
)
def test_relations_a_state_concerned_about_anothers_deeds_criticises_it(parse, text, expected):
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {
        (r["source_actor"], r["target_actor"], r["relation_type"], r["status"])
        for r in got
        if r["relation_type"] in ("criticism", "meeting")
    } == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call for a state to stop, however the parser hangs "for", blames it
        ("Norway called for Sudan to halt its air raids.", ("NOR", "SDN", "criticism", "occurred")),
        ("Kenya and Ghana called for Togo to end the blockade of its port.", ("GHA", "TGO", "criticism", "occurred")),
        # disappointment and opposition voiced are criticism too
        ("Officials in Oslo voiced disappointment with Sudan's verdict.", ("NOR", "SDN", "criticism", "occurred")),
        ("Nairobi expressed strong opposition to Uganda's new dam.", ("KEN", "UGA", "criticism", "occurred")),
    ],
)
def test_relations_calls_for_a_state_to_stop_and_disappointment_voiced(parse, text, expected):
    assert expected in keys(parse(text, "2024-03-12"))


def test_relations_a_call_for_a_state_to_act_otherwise_blames_no_one(parse):
    got = keys(parse("Norway called for Sudan to hold talks with the rebels.", "2024-03-12"))
    assert not [k for k in got if k[2] == "criticism"]


def test_relations_others_who_also_voice_concern_criticise_whom_the_last_critic_did(parse):
    text = (
        "Norway condemned Sudan's air raids on Monday. Kenya, Ghana and Peru also voiced their concerns. "
        "Chile voiced concern about the harvest."
    )
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    crit = {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "criticism"}
    # all three on the list (not the last two the pronoun "their" came after), and no one for Chile,
    # whose concern says nothing of doing as others did
    assert crit == {("NOR", "SDN"), ("KEN", "SDN"), ("GHA", "SDN"), ("PER", "SDN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # charges one state makes against another accuse it, also when the other dismisses them
        (
            "Nairobi dismissed Ugandan charges that its troops had crossed the border.",
            {("UGA", "KEN", "accusation", "occurred")},
        ),
        # claiming land accuses no one (nor does claiming that something is so: see below)
        ("Kenya claims the disputed island in the lake.", set()),
    ],
)
def test_relations_charges_of_anothers_deeds_are_accusations(parse, text, expected):
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {
        (r["source_actor"], r["target_actor"], r["relation_type"], r["status"])
        for r in got
        if r["relation_type"] == "accusation"
    } == expected


@pytest.mark.parametrize(
    "text",
    [
        # a concern for another state's welfare is no criticism of it
        "Norway is deeply concerned about Sudan's security.",
        "Kenya is worried about the stability of Uganda.",
        # an opposition ended is none
        "Kenya ended its opposition to Uganda's membership bid.",
        # a call for a thing of a state to end blames no state
        "Norway called for Sudan's civil war to end quickly.",
        # a state's claim about another is no accusation by itself
        "Nairobi claimed that Uganda's harvest had failed.",
    ],
)
def test_relations_concern_for_welfare_ended_opposition_and_plain_claims_are_no_criticism(parse, text):
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert not [r for r in got if r["relation_type"] in ("criticism", "accusation")]


def test_relations_also_voicing_concern_about_something_else_is_not_carried_over(parse):
    text = "Norway condemned Sudan's air raids on Monday. Kenya also voiced concern about rising grain prices."
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "criticism"} == {
        ("NOR", "SDN")
    }


def test_relations_their_after_a_list_of_objects_is_the_objects(parse):
    text = "Kenya and Ghana condemned Sudan and Chad for their joint military drills."
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    coop = {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "military_cooperation"}
    assert ("GHA", "KEN") not in coop


def test_relations_a_summit_joined_by_video_link_is_no_visit(parse):
    text = "At a summit in Nairobi by video link, the Peruvian president praised Kenya's farmers."
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert not [r for r in got if r["relation_type"] == "visit"]


def test_relations_nationals_are_private_people_but_a_national_adviser_is_an_official(parse):
    # Charges against two of a country's nationals accuse no state; "National" in a title is no person.
    assert not keys(parse("Kenya brought spying charges against two Ugandan nationals.", "2024-03-12"))
    got = keys(parse("Kenyan National Security Adviser Ali Hassan made a surprise visit to Kampala.", "2024-03-12"))
    assert ("KEN", "UGA", "visit", "occurred") in got


@pytest.mark.parametrize(
    "text",
    [
        # cooperation on security matters or with another's forces is military, not economic
        "Kenya and Uganda cooperate closely on security matters.",
        "Kenyan police have long cooperated with Ugandan forces along the border.",
        # police, intelligence or counter-terrorism work between states is security cooperation
        "Kenya and Uganda have deepened their counterterrorism cooperation.",
        "Kenya and Uganda have deepened their counter-terrorism cooperation.",
        "Uganda valued its law enforcement cooperation with Kenya.",
    ],
)
def test_relations_cooperation_on_security_or_with_forces_is_military(parse, text):
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    types = {r["relation_type"] for r in got if {r["source_actor"], r["target_actor"]} == {"KEN", "UGA"}}
    assert types == {"military_cooperation"}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda have deepened their counterterrorism cooperation.",
        "Uganda valued its law enforcement cooperation with Kenya.",
    ],
)
def test_cooperation_security_work_is_one_security_row_not_a_second_military_one(parse, text):
    out = extract_all(parse(text, "2024-03-12"), learned=False)[0]
    assert {r["area"] for r in out["cooperation"]} == {"security"}


def test_relations_force_among_several_topics_keeps_cooperation_economic(parse):
    text = "Chile and Peru expanded their cooperation on policing and fisheries."
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert "military_cooperation" not in {r["relation_type"] for r in got}


@pytest.mark.parametrize(
    "text",
    [
        # strikes on fighters inside a state attack it only without its consent (the annotation notes):
        # judged twice on unseen articles, an "in <country>" target was wrong ("bomb in support of its army")
        "Egypt's jets flew over Libya to bomb in support of the Libyan army.",
        "Iran's air force bombed militant camps in Pakistan on Monday.",
    ],
)
def test_relations_strikes_in_a_country_are_no_attack_on_it_by_place_alone(parse, text):
    assert not {k for k in keys(parse(text, "2024-01-20")) if k[2] == "attack" and k[1] in ("LBY", "PAK")}


def test_relations_a_ships_arrival_is_no_visit(parse):
    # judged (26th sample): a British ship's arrival in France was stored as a UK visit
    text = "Dock workers emptied a Kenyan ship on Friday after its arrival in a port of northern Tanzania."
    assert not keys(parse(text, "2024-03-12"))


def test_relations_a_second_deed_with_its_own_doer_is_no_second_target(parse):
    # "A's invasion of B and C's operations": C is the doer of another deed, not A's target
    text = "Aid budgets shrank during crises such as Iraq's invasion of Kuwait and Serbia's military operations."
    got = keys(parse(text, "2023-05-02"))
    assert ("IRQ", "KWT", "attack", "occurred") in got
    assert not {k for k in got if k[:2] == ("IRQ", "SRB")}


def test_relations_a_summit_abroad_pairs_its_host_with_the_traveller_not_the_organiser(parse):
    # "X flew to Y where he attended the Z summit": the traveller visits Y; Z, whose summit it is,
    # does not meet Y for it
    text = "Kenya's president flew to Ghana in March, where he attended the African Union summit."
    got = keys(parse(text, "2024-05-02"))
    assert ("KEN", "GHA", "visit", "occurred") in got
    assert not {k for k in got if set(k[:2]) == {"AU", "GHA"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a host who welcomes, receives or greets a visiting leader meets them; a call to one is a meeting
        ("Ghana's president welcomed the Togolese prime minister in Accra on Monday.", ("GHA", "TGO")),
        ("The Kenyan foreign minister greeted his Ugandan counterpart at the airport.", ("KEN", "UGA")),
        ("Peru's president called his Chilean counterpart on Sunday to discuss the fires.", ("CHL", "PER")),
    ],
)
def test_relations_welcoming_greeting_or_calling_an_official_is_a_meeting(parse, text, expected):
    got = keys(parse(text, "2024-03-12"))
    assert (*expected, "meeting", "occurred") in got


def test_relations_welcoming_an_officials_decision_is_no_meeting(parse):
    got = keys(parse("Kenya welcomed the decision of the Ugandan president to reopen the border.", "2024-03-12"))
    assert not {k for k in got if k[2] in ("meeting", "visit")}


def test_relations_a_two_word_country_in_a_list_keeps_the_rest_of_the_list(parse):
    # "counterparts from South Korea and Japan": both, not the first name of two words alone
    text = "Asean ministers held talks with their counterparts from South Africa and Kenya."
    got = keys(parse(text, "2024-03-12"))
    assert {("ASEAN", "ZAF", "meeting", "occurred"), ("ASEAN", "KEN", "meeting", "occurred")} <= got


def test_relations_calling_someone_something_is_no_call(parse):
    text = "Kenya's president praised the talks and called the Ugandan leader a trusted partner."
    assert not {k for k in keys(parse(text, "2024-03-12")) if k[2] == "meeting"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who the condemned thing's participle says did it
        ("Kenya condemned the naval exercises staged by Eritrea and Djibouti.", {("KEN", "ERI"), ("KEN", "DJI")}),
        # a deed's by-phrase the parser hangs on the active verb: the deed's doer, not a means
        ("Kenya denounced the aggression by Somalia.", {("KEN", "SOM")}),
        ("Kenya condemned the invasion by Somalia.", {("KEN", "SOM")}),
        ("Kenya condemned the incursion by issuing a statement.", set()),
        # criticism the clause's subject goes ahead despite
        ("Ghana will press ahead with the port project despite criticism from Togo.", {("TGO", "GHA")}),
        # an adjective of displeasure said of a state
        ("Kenya is upset with Uganda over the border closure.", {("KEN", "UGA")}),
    ],
)
def test_relations_criticism_of_condemned_deeds_and_displeasure(parse, text, expected):
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "criticism"} == expected


def test_relations_the_backers_of_an_offensive_do_not_back_each_other(parse):
    text = "The Sudanese army pushed north in an offensive backed by Egypt and Eritrea."
    got = keys(parse(text, "2024-03-12"))
    assert not {k for k in got if set(k[:2]) == {"EGY", "ERI"}}


@pytest.mark.parametrize(
    ("text", "visits"),
    [
        # the place of a meeting, hung by the parser on its last party
        (
            "The meeting between the Kenyan and Ghanaian foreign ministers in Lagos ended without a deal.",
            {("KEN", "NGA"), ("GHA", "NGA")},
        ),
        # a seat of power is in its state
        ("Ghana's president held talks with his US counterpart at the Pentagon on Friday.", {("GHA", "USA")}),
    ],
)
def test_relations_a_meeting_placed_in_a_city_or_a_seat_of_power_is_a_visit_there(parse, text, visits):
    got = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "visit"} == visits


def test_cooperation_an_area_the_cooperation_will_take_in_is_not_under_way(parse):
    text = "Fisheries will become a new pillar of Kenya-Uganda economic cooperation."
    out = extract_all(parse(text, "2024-03-12"), learned=False)[0]
    assert ("agriculture", "ongoing") not in {(r["area"], r["status"]) for r in out["cooperation"]}
    text = "Fisheries are a pillar of Kenya-Uganda economic cooperation."
    now = extract_all(parse(text, "2024-03-12"), learned=False)[0]
    assert ("agriculture", "ongoing") in {(r["area"], r["status"]) for r in now["cooperation"]}


@pytest.mark.parametrize(
    "text",
    [
        # entering or forming a partnership or an alliance with a state is an agreement with it
        "In 2015, Kenya entered a strategic partnership with Ghana.",
        "Kenya formed an alliance with Ghana in 2019.",
        # "their" ties upgraded by one side are the pair's
        "Last year the Kenyan president was in Accra and upgraded their relations to a strategic partnership.",
    ],
)
def test_relations_partnerships_entered_formed_or_upgraded_are_agreements(parse, text):
    assert ("GHA", "KEN", "agreement", "occurred") in keys(parse(text, "2024-03-12"))


def test_relations_officials_held_somewhere_are_no_visitors(parse):
    # judged (25th sample): sailors held in Iran were stored as a US visit to Iran (by the president)
    text = "The senator faulted the president for giving a speech while Kenyan sailors were being held in Uganda."
    assert not {k for k in keys(parse(text, "2024-03-12")) if k[2] == "visit"}


def test_relations_states_a_resolution_requires_to_act_are_its_agents(parse):
    # judged (25th sample): "required member states to sever ties with X" made the UN reject X
    text = "A UN Security Council resolution required member states to cut all trade ties with Eritrea."
    assert not {k for k in keys(parse(text, "2024-03-12")) if k[0] == "UN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cooperation documents two governments exchange were signed
        (
            "The Kenyan and Ghanaian presidents exchanged several cooperation documents spanning trade and education.",
            {("trade", "agreed"), ("education", "agreed")},
        ),
        # an opening for cooperation is a prospect, not cooperation under way
        (
            "The new rail link will create new avenues for Kenya-Uganda cooperation in tourism.",
            {("tourism", "planned")},
        ),
    ],
)
def test_cooperation_documents_exchanged_are_agreed_and_openings_are_planned(parse, text, expected):
    out = extract_all(parse(text, "2024-03-12"), learned=False)[0]
    assert {(r["area"], r["status"]) for r in out["cooperation"]} == expected
    assert not [
        r for r in out["relations"] if r["relation_type"] == "economic_cooperation" and r["status"] == "occurred"
    ]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # what an official said or won is welcomed, no one is received
        ("Ghana welcomed the remarks of the Chinese president on debt relief.", ("meeting", "visit")),
        ("Japan welcomed the election of the new South Korean president.", ("meeting", "visit")),
        # a phase of a partnership entered is no agreement concluded
        ("India and Japan entered a new phase of their partnership in Tokyo.", ("agreement",)),
        # an invitation or a summons is no call held
        ("The German chancellor called the Polish president to a summit in Berlin.", ("meeting",)),
        ("The Japanese prime minister called the Chinese ambassador in for a reprimand.", ("meeting",)),
        # naming a state a partner is no criticism of it
        ("India labeled Japan a key strategic partner in the Indo-Pacific.", ("criticism",)),
        # who documents a deed did not do it
        ("Kenya condemned the killing of civilians, documented by UN investigators.", ("criticism",)),
        # protests with a topic of their own are not about the visitor
        ("The Kenyan president visited Kampala amid Ugandan protests over fuel prices.", ("criticism",)),
        # an ambassador's post is no place visited
        ("The Pakistani president held talks with the Chinese ambassador in Islamabad.", ("visit",)),
    ],
)
def test_relations_what_the_sessions_review_found_too_broad(parse, text, absent):
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] in absent}


def test_relations_the_visit_of_an_official_welcomed_is_still_a_visit(parse):
    got = keys(parse("South Africa welcomed the visit of the Brazilian president.", "2024-05-10"))
    assert ("BRA", "ZAF", "visit", "occurred") in got


def test_relations_a_phone_call_named_beside_a_summit_leaves_its_visit(parse):
    text = "The summit between Putin and Xi in Beijing, a month after their phone call, produced a gas deal."
    assert ("RUS", "CHN", "visit", "occurred") in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # security words make cooperation military, never aid or backing, and not when they mean else
        ("Kenya and Uganda cooperate closely on artificial intelligence.", "economic_cooperation"),
        ("Kenya and Uganda have stepped up cooperation on tax enforcement.", "economic_cooperation"),
        ("China backed Pakistan on terrorism at the UN Security Council.", "support"),
        ("The US provided police training aid to Kenya.", "economic_aid"),
    ],
)
def test_relations_security_words_are_military_for_cooperation_only(parse, text, kind):
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["relations"]
    assert {r["relation_type"] for r in got} == {kind}


def test_cooperation_drills_held_keep_their_row_beside_security_cooperation_agreed(parse):
    text = "Kenya and Uganda held joint military drills and agreed to boost security cooperation."
    out = extract_all(parse(text, "2024-05-10"), learned=False)[0]
    assert {("military", "ongoing"), ("security", "agreed")} <= {(r["area"], r["status"]) for r in out["cooperation"]}


@pytest.mark.parametrize(
    ("text", "area", "status"),
    [
        # "the scope of" a treaty presupposes it; "expanded cooperation" only expected is planned
        ("Kenya and Uganda signed an agreement defining the scope of cooperation in energy.", "energy", "agreed"),
        (
            "Kenya and Uganda are expected to sign a memorandum on expanded cooperation in transport.",
            "transport",
            "planned",
        ),
    ],
)
def test_cooperation_scope_of_and_expected_expansion_keep_their_status(parse, text, area, status):
    out = extract_all(parse(text, "2024-05-10"), learned=False)[0]
    assert (area, status) in {(r["area"], r["status"]) for r in out["cooperation"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # objecting or protesting against a thing of a state, or a thing a participle says it made
        ("India objected to China's new map.", ("IND", "CHN", "criticism", "occurred")),
        ("Kenya protested against the new map issued by Ethiopia.", ("KEN", "ETH", "criticism", "occurred")),
        # an attack in words is criticism, no use of force
        (
            "The Kenyan minister launched a scathing attack on Uganda over the border closure.",
            ("KEN", "UGA", "criticism", "occurred"),
        ),
        ("Erdogan kept up his verbal attack on the European Union.", ("TUR", "EU", "criticism", "occurred")),
        # calling someone, or their deed, a word of blame
        ("Biden has called Putin a killer.", ("USA", "RUS", "criticism", "occurred")),
        ("Russia branded the British foreign minister a liar.", ("RUS", "GBR", "criticism", "occurred")),
        ("Japan called China's drills provocative and irresponsible.", ("JPN", "CHN", "criticism", "occurred")),
        ("Tokyo described the Chinese drills as reckless.", ("JPN", "CHN", "criticism", "occurred")),
        # a summit its participants are named as attending
        ("A summit attended by Kenya and Uganda opened on Monday.", ("KEN", "UGA", "meeting", "occurred")),
    ],
)
def test_relations_objections_verbal_attacks_words_of_blame_and_summits_attended(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got
    assert not any(k[2] == "attack" for k in got)


def test_relations_a_word_of_praise_or_a_call_is_no_criticism(parse):
    assert keys(parse("The Kenyan president called Museveni a close friend.", "2024-05-10")) == set()
    text = "Obama called the Japanese prime minister on Tuesday."
    assert keys(parse(text, "2016-05-10")) == {("JPN", "USA", "meeting", "occurred")}


def test_relations_a_family_name_after_a_generational_suffix_is_the_leaders(parse):
    text = (
        "Philippine President Ferdinand Marcos Jr. landed in Berlin on Sunday. "
        "On Monday Marcos will hold talks with the German chancellor."
    )
    assert ("DEU", "PHL", "meeting", "planned") in keys(parse(text, "2024-03-10"))


@pytest.mark.parametrize(
    "text",
    [
        "A cultural foundation's gala promotes India-Nepal cooperation in trade and culture.",
        "The temples of both countries promote closer India-Nepal cultural cooperation.",
    ],
)
def test_cooperation_a_private_body_promoting_it_is_no_state_cooperation(parse, text):
    out = extract_all(parse(text, "2024-05-10"), learned=False)[0]
    assert out["cooperation"] == []
    assert out["relations"] == []


def test_cooperation_a_deal_one_hopes_to_sign_is_planned(parse):
    # the lemmatizer reads "hopes" as "hop"; set right, the hope puts the signing ahead
    out = extract_all(parse("Kenya hopes to sign a trade deal with Uganda.", "2024-05-10"), learned=False)[0]
    assert {(r["area"], r["status"]) for r in out["cooperation"]} == {("trade", "planned")}


@pytest.mark.parametrize(
    "text",
    [
        # what is put to a vote or a decision "whether" to do is not done
        "Kenyans voted on whether to quit the African Union in a referendum on Sunday.",
        # what one rarely does is not said to be done
        "Kenya rarely criticizes Beijing in public.",
        # a guard of honour of a named army is a ceremony, no state's praise (the parser reads "by marching
        # soldiers" as a gerund and its object: the doers stay in the by-phrase)
        "Ruto greeted Xi in Nairobi, where they were hailed by marching Kenyan soldiers.",
    ],
)
def test_relations_a_question_put_a_rare_deed_and_a_ceremonial_salute_are_no_events(parse, text):
    # (the greeting itself is a meeting, and Xi's visit to Kenya, since a leader named bare is received too)
    assert {k for k in keys(parse(text, "2024-05-10")) if k[2] not in ("meeting", "visit")} == set()


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # the parser makes the visited country the subject of the purpose clause: it is the object
        (
            "Duterte had just visited Japan to receive its highest award.",
            "2017-03-20",
            ("PHL", "JPN", "visit", "occurred"),
        ),
        (
            "Maduro had recently visited Ecuador to receive its top honour.",
            "2015-03-20",
            ("VEN", "ECU", "visit", "occurred"),
        ),
    ],
)
def test_relations_a_purpose_clause_the_parser_gives_a_subject_leaves_the_object(parse, text, day, expected):
    assert expected in keys(parse(text, day))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # firms of a state are not the state whose deed is judged
        ("Kenya criticised Chinese firms.", "2024-05-10"),
        # the allies of a war named by its place are not that country
        ("Iraq war allies lashed out at the UN chief.", "2004-09-20"),
        # a firm its apposition names is no state, nor is its foreign backer backing that state
        ("Safaricom, a Kenyan company backed by a British group, denies any wrongdoing.", "2024-05-10"),
    ],
)
def test_relations_firms_a_wars_allies_and_a_firm_named_by_apposition_are_not_states(parse, text, day):
    out = extract_all(parse(text, day), learned=False)[0]
    assert out["relations"] == [] and out["denials"] == []


def test_relations_a_wire_dateline_does_not_date_the_event(parse):
    text = (
        "NAIROBI, Nov. 1, 2024 /PRNewswire/ -- On Thursday, Kenyan President William Ruto arrived in Accra "
        "for a three-day state visit to Ghana."
    )
    got = extract_all(parse(text, "2024-11-01"), learned=False)[0]["relations"]
    assert {(r["relation_type"], str(r["event_date"])) for r in got} == {("visit", "2024-10-31")}


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # a package signed with a state is an agreement with it
        ("The EU signed a 50-million-euro package of aid with Niger last month.", "2016-02-01", {("EU", "NER")}),
        # a deal brokered to restore ties between two states is theirs (the parser hangs the infinitive on
        # the verb); the broker made it happen, it is no party
        ("Qatar brokered a deal to restore diplomatic ties between Egypt and Turkey.", "2024-02-01", {("EGY", "TUR")}),
    ],
)
def test_relations_a_package_signed_and_a_deal_to_restore_ties_between_two(parse, text, day, expected):
    got = keys(parse(text, day))
    assert {tuple(sorted(k[:2])) for k in got if k[2] == "agreement"} == expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # a state or a leader an apposition describes stays itself (only firm words make a name a firm)
        (
            "Russia, the world's largest wheat exporter, signed a grain supply agreement with Egypt.",
            "2024-05-10",
            ("EGY", "RUS", "agreement", "occurred"),
        ),
        (
            "Dutch Prime Minister Mark Rutte, a staunch supporter of Ukraine, met Zelensky in Kyiv on Friday.",
            "2024-05-10",
            ("NLD", "UKR", "meeting", "occurred"),
        ),
        # a deed a compound names stays its owner's ("refugee policy", "court ruling"); supporters are states
        ("Turkey condemned the European Union's refugee policy.", "2024-05-10", ("TUR", "EU", "criticism", "occurred")),
        (
            "Japan criticised South Korea's court ruling on wartime labour.",
            "2024-05-10",
            ("JPN", "KOR", "criticism", "occurred"),
        ),
        # a church struck is the country's (the words of private promoters count only for cooperation)
        (
            "Russian forces struck a Ukrainian Orthodox church in Kharkiv on Sunday.",
            "2024-05-10",
            ("RUS", "UKR", "attack", "occurred"),
        ),
        # an army's thanks are its state's praise (only a salute is a ceremony)
        (
            "The Ukrainian military thanked the United States for the Patriot air defence systems.",
            "2024-05-10",
            ("UKR", "USA", "praise", "occurred"),
        ),
        # a participle of doing: its doer, not the compound ("the Ukraine aid package")
        (
            "Russia objected to the Ukraine aid package approved by the US Congress.",
            "2024-05-10",
            ("RUS", "USA", "criticism", "occurred"),
        ),
        # a fact told in a clause on what is weighed stays a fact
        (
            "Washington is weighing whether to punish China, which supplied drones to Russia last year.",
            "2024-05-10",
            ("CHN", "RUS", "military_aid", "occurred"),
        ),
    ],
)
def test_relations_what_the_sessions_second_review_found_too_broad(parse, text, day, expected):
    assert expected in keys(parse(text, day))


@pytest.mark.parametrize(
    "text",
    [
        # boycotting or condemning a summit is not attending it
        "A summit boycotted by Russia and Belarus opened in Vienna on Monday.",
        "The summit, criticised by India and Pakistan, went ahead in Beijing.",
        # a heavy military attack is no criticism
        "Russia launched a blistering attack on Ukrainian positions near Bakhmut with artillery and drones.",
        # what one undergoes is not one's deed
        "The United States objected to Taiwan's exclusion from the World Health Assembly.",
    ],
)
def test_relations_no_meeting_by_boycott_no_criticism_by_force_or_of_a_patient(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert not any(k[2] in ("meeting", "criticism") for k in got)


def test_relations_a_writers_description_of_a_called_leader_is_no_criticism(parse):
    text = "Russian President Putin called Belarusian President Lukashenko, a dictator shunned by the West, on Monday."
    assert keys(parse(text, "2024-05-10")) == {("BLR", "RUS", "meeting", "occurred")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinary dash after an opening date is no dateline
        ("On Tuesday -- the anniversary of the invasion -- Biden visited Kyiv.", "2024-05-07"),
        # a dateline's place is no actor, and its date gives way to the sentence's own
        (
            "MANILA, Philippines — Japanese Prime Minister Fumio Kishida met Philippine President Ferdinand "
            "Marcos Jr. on Monday.",
            "2024-05-06",
        ),
        # alone, the dateline's date stays the nearest the wire gives
        ("MOSCOW, May 8 (Reuters) - Putin met Xi in the Kremlin.", "2024-05-08"),
    ],
)
def test_relations_datelines_only_when_they_are_one(parse, text, expected):
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]["relations"]
    assert got and all(str(r["event_date"]) == expected for r in got)


def test_relations_the_one_criticised_for_a_deed_did_it_also_in_the_passive(parse):
    got = keys(parse("Kenya is criticised by the West for siding with Moscow.", "2024-05-10"))
    assert ("KEN", "RUS", "support", "occurred") in got
    assert not any(k[0] == "WEST" and k[2] == "support" for k in got)


@pytest.mark.parametrize(
    "text",
    [
        # an agreement talked about or under discussion is still to come
        "The US and Kenya are talking about a trade agreement.",
        "The US and Kenya are discussing a trade agreement.",
    ],
)
def test_relations_an_agreement_under_discussion_is_planned(parse, text):
    got = extract_all(parse(text, "2024-05-10"), learned=False)[0]
    assert {k[3] for k in keys(parse(text, "2024-05-10")) if k[2] == "agreement"} == {"planned"}
    assert {r["status"] for r in got["cooperation"]} == {"planned"}


def test_relations_joint_patrols_forces_are_meant_to_hold_are_not_under_way(parse):
    text = "Kenyan and Ugandan forces are meant to hold joint patrols in the border town."
    out = extract_all(parse(text, "2024-05-10"), learned=False)[0]
    assert not [r for r in out["relations"] if r["status"] == "occurred"]
    assert not [r for r in out["cooperation"] if r["status"] == "ongoing"]


@pytest.mark.parametrize(
    "text",
    [
        # what ought to be, under an adjective said of an expletive "it"
        "It is essential for both Brazil and Argentina to keep talking to each other, the minister said.",
        "It is important that Peru and Chile hold talks soon, the envoy said.",
        "Peru's foreign minister said it was crucial to maintain dialogue with Chile.",
        # a meeting or a strike asked for is not held
        "Peru has declined to join the arbitration, insisting on direct talks with Chile.",
        "Peru called for direct talks with Chile over the border.",
        "Peru demanded negotiations with Chile over the maritime border.",
        "Peru is pushing for air strikes against Chile.",
        # a call on another state to act (the guide: no meeting between the two called on)
        "Brazil called on Chile to hold talks with Peru.",
        # refraining from an act is not doing it
        "Since the invasion began, Brazil has refrained from condemning Russia.",
        "Brazil abstained from criticising Venezuela at the summit.",
    ],
)
def test_relations_what_ought_to_be_is_asked_for_or_refrained_from_is_no_event(parse, text):
    assert not keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, kept",
    [
        # a deed one is called on to cease was done
        ("Western capitals called on Beijing to end its backing of Moscow.", ("CHN", "RUS", "support", "occurred")),
        # a condemnation pushed for in a declaration: the corpus's annotators have it as made
        (
            "Western states pushed for a strong condemnation of Russia in the declaration.",
            ("WEST", "RUS", "criticism", "occurred"),
        ),
        # an agreement pushed for is still to come
        (
            "Brazil pushed for a free trade agreement with Chile during the visit.",
            ("BRA", "CHL", "agreement", "planned"),
        ),
        # the talks the adjective is said of happened
        (
            "The talks between Brazil and Argentina are crucial to maintain progress, the minister said.",
            ("ARG", "BRA", "meeting", "occurred"),
        ),
        # "important to note that ...": the noting ought to be, not what is noted
        (
            "It is important to note that Brazil and Argentina signed a trade pact in 2019, the envoy added.",
            ("ARG", "BRA", "agreement", "occurred"),
        ),
    ],
)
def test_relations_deeds_beside_calls_and_judgements_stay(parse, text, kept):
    assert kept in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel Boric, who visited Spain last week, said the rescue came first.",
        "Gabriel Boric, who traveled to Spain last week, said the rescue came first.",
        "Boric, who cut short a trip to Spain to return home, said the rescue came first.",
    ],
)
def test_relations_an_official_in_a_relative_clause_is_its_noun(parse, text):
    assert ("CHL", "ESP", "visit", "occurred") in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru has been frustrated with EU policies on farm trade.", ("PER", "EU", "criticism", "occurred")),
        (
            "Bolivia, which has been angered by Chilean patrols near the border, held drills.",
            ("BOL", "CHL", "criticism", "occurred"),
        ),
        ("Argentina's new tariffs infuriated Brazil.", ("BRA", "ARG", "criticism", "occurred")),
        ("Brazil was disillusioned with Argentina's new tariffs.", ("BRA", "ARG", "criticism", "occurred")),
    ],
)
def test_relations_who_a_deed_angers_or_frustrates_criticises_its_doer(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The EU was not satisfied with the ore rule and sued Indonesia before the trade body.",
            {("EU", "IDN", "accusation", "occurred")},
        ),
        ("Peru did not attend the summit and criticised Chile instead.", {("PER", "CHL", "criticism", "occurred")}),
        # a bare verb joined under the same "did not" shares it
        ("Brazil did not meet Chile or sign the accord.", set()),
        ("Brazil never recognised Kosovo or criticised Serbia over the war.", set()),
    ],
)
def test_relations_a_finite_verb_joined_to_a_negated_one_has_its_own_polarity(parse, text, expected):
    assert keys(parse(text, "2024-05-10")) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Zambia owes some $4 billion to China, official data show.",
            ("CHN", "ZMB", "economic_aid", "occurred"),
        ),
        ("Laos relies heavily on Chinese loans for its new railway.", ("CHN", "LAO", "economic_aid", "occurred")),
        (
            "Tokyo threw a lifeline to Sri Lanka during its debt crisis.",
            ("JPN", "LKA", "economic_aid", "occurred"),
        ),
    ],
)
def test_relations_loans_owed_relied_on_and_lifelines_are_economic_aid(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya secured a new loan from China last year.", ("CHN", "KEN", "economic_aid", "occurred")),
        ("Malawi obtained large loans from India.", ("IND", "MWI", "economic_aid", "occurred")),
        ("Laos accessed Japanese financing to build two bridges.", ("JPN", "LAO", "economic_aid", "occurred")),
        # (the receiver of criticism is still its target, and the critic its source)
        ("Kenya faced sharp criticism from Ghana.", ("GHA", "KEN", "criticism", "occurred")),
    ],
)
def test_relations_aid_a_state_secures_obtains_or_gets_is_given_by_whom_it_comes_from(parse, text, expected):
    # "Kenya got a loan from China": the receiving verb's subject was read as the loan's giver too,
    # then dropped as its receiver, and the aid was lost.
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Turkey backed and assisted Azerbaijan during the war.", ("TUR", "AZE", "support", "occurred")),
        ("Chile has played a large role by supporting and assisting Peru.", ("CHL", "PER", "support", "occurred")),
        ("Cuba invaded the island with the blessing of Moscow.", ("RUS", "CUB", "support", "occurred")),
    ],
)
def test_relations_two_verbs_side_by_side_share_the_second_ones_object(parse, text, expected):
    # "by supporting and assisting the Philippines": the first verb had no object, and no row.
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_a_second_verb_with_its_own_subject_keeps_its_object(parse):
    assert ("KEN", "UGA", "support", "occurred") not in keys(
        parse("Kenya supported, and Ghana criticised, Uganda.", "2024-05-10")
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Last year Chad sent thousands of troops into Niger.", ("TCD", "NER", "attack", "occurred")),
        ("Iraq launched an invasion against Kuwait in 1990.", ("IRQ", "KWT", "attack", "occurred")),
    ],
)
def test_relations_troops_sent_into_a_state_and_an_invasion_against_it_attack_it(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_an_offer_to_send_troops_into_a_state_is_no_attack_on_it(parse):
    # (the annotated corpus: offers to send troops into Syria to fight a group there, no attack on Syria)
    assert not {
        k for k in keys(parse("Egypt said it was ready to send troops into Libya.", "2024-05-10")) if k[2] == "attack"
    }


def test_relations_opposing_an_accusation_rejects_the_accuser(parse):
    # (the contract: rejection "rejects a demand, proposal or accusation of target"; opposing a plan stays criticism)
    assert ("PER", "CHL", "rejection", "occurred") in keys(
        parse("Peru firmly opposes the Chilean accusation.", "2024-05-10")
    )
    assert ("PER", "CHL", "criticism", "occurred") in keys(parse("Peru firmly opposes the Chilean plan.", "2024-05-10"))


def test_relations_what_a_body_owes_a_state_that_is_no_sum_is_no_aid(parse):
    assert not keys(parse("Chile owes its success to China.", "2024-05-10"))
    # nor a bill for goods (a trade debt)
    assert not keys(
        parse("Ukraine owes about $2 billion to Russia for past gas deliveries, the firm said.", "2024-05-10")
    )


@pytest.mark.parametrize(
    "text, threat",
    [
        ("The talks nearly collapsed over a threat by Washington to impose new sanctions on Iran.", True),
        ("Chile told Bolivia to stop the raids or face possible sanctions from Chile.", True),
        # sanctions weighed or proposed are no threat made
        # a threat word that is not the sender's makes no threat
        ("Economists warn that new Chilean sanctions on Bolivia could push prices higher.", False),
        ("Bolivia warned that it would retaliate if Chile imposed new sanctions on it.", False),
    ],
)
def test_relations_a_threatened_sanction_the_sentence_calls_a_threat_is_a_threat(parse, text, threat):
    got = {k for k in keys(parse(text, "2024-05-10")) if k[2] == "threat"}
    assert bool(got) == threat


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Last year Laos abruptly suspended joint naval drills with Vietnam.",
            ("LAO", "VNM", "rejection", "occurred"),
        ),
        ("Peru froze its trade talks with Chile after the incident.", ("PER", "CHL", "rejection", "occurred")),
    ],
)
def test_relations_suspending_what_one_does_with_a_partner_rejects_it(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got
    assert not {k for k in got if k[2] in ("military_cooperation", "meeting")}  # the suspended thing is not done


@pytest.mark.parametrize(
    "text, day, expected",
    [
        # officials beyond heads of state and foreign ministers (leaders_part6.csv), by date
        ("Ash Carter warned China against provocative behaviour.", "2016-05-10", ("USA", "CHN", "threat", "occurred")),
        (
            "Prabowo arrived in Beijing on Monday for talks with Xi Jinping.",
            "2023-05-10",
            ("IDN", "CHN", "visit", "occurred"),
        ),
        (
            "The White House said National Security Adviser Jake Sullivan would soon travel to Lima.",
            "2024-05-10",
            ("USA", "PER", "visit", "planned"),
        ),
    ],
)
def test_relations_senior_officials_act_for_their_state(parse, text, day, expected):
    assert expected in keys(parse(text, day))


def test_relations_they_after_measures_is_the_measures_not_the_articles_pair(parse):
    text = (
        "Chile and Bolivia have quarrelled for years, and Chile blames Bolivia for the border raids. "
        "The council voted new sanctions on Bolivia. The measures were drafted by Chile and negotiated with Peru, Bolivia's neighbour. "
        "They ban exports of Bolivian tin and extend the arms embargo to small arms."
    )
    out = extract_all(parse(text, "2024-05-10"), learned=False)[0]
    last = [r for r in out["sanctions"] if r["sentence_index"] == 3]
    assert last and all(r["target"] == "BOL" for r in last)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "On Tuesday evening, Lula arrived in Maputo, where he was welcomed by Mozambican President Filipe Nyusi.",
            ("BRA", "MOZ", "meeting", "occurred"),
        ),
    ],
)
def test_relations_welcoming_an_official_a_pronoun_names_is_meeting_them(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prices rose at the outset of Russia's war against Ukraine.", {("RUS", "UKR", "attack", "occurred")}),
        ("Israel has since widened the war to Lebanon.", {("ISR", "LBN", "attack", "occurred")}),
        # a blockade is as often an embargo ("the US blockade of Cuba"): no attack by the word alone
        ("The US blockade of Cuba has caused shortages, Havana says.", set()),
        (
            "Relations soured after Pakistan's downing of an Indian jet near the frontier.",
            {("PAK", "IND", "attack", "occurred")},
        ),
        # a war named by its place alone has no side
        ("Ties between Brazil and Chile grew stronger during the war in Ukraine.", set()),
        ("She vowed to end the war in Ukraine soon after her inauguration.", set()),
        # a war of no one's only names its place; one without arms is none
        ("Biden ended the war in Afghanistan in 2021.", set()),
        # a state's own war in a country is waged on it (the annotated corpus: "Russia's war in Ukraine",
        # "Moscow's aggression in Syria and Ukraine"); an air campaign there may be for its government
        ("America's war in Afghanistan began in 2001.", {("USA", "AFG", "attack", "occurred")}),
        ("Russia's bombing in Syria continued for a fifth month.", set()),
        ("Trump's trade war against China hit American farmers hard.", set()),
        ("Russia's information war against the West has intensified.", set()),
        # a war threatened is a threat
        ("Israel threatened to expand the war to Lebanon.", set()),
    ],
)
def test_relations_a_states_war_on_another_is_an_attack(parse, text, expected):
    assert {k for k in keys(parse(text, "2024-05-10")) if k[2] == "attack"} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Malaysia is a firm supporter of Palestinian statehood.", ("MYS", "PSE", "support", "occurred")),
        ("China is Russia's main backer in the war.", ("CHN", "RUS", "support", "occurred")),
    ],
)
def test_relations_a_supporter_or_backer_supports_whose_cause_it_is(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got
    assert (expected[1], expected[0], "support", "occurred") not in got  # the one backed is no backer


@pytest.mark.parametrize(
    "text, expected",
    [
        # states listed as sharing a stance do not criticise one another (judged sample 31)
        (
            "Chile, Peru, Bolivia and Ecuador have jointly adopted a hard line on asylum and have been"
            " broadly opposed to taking in many refugees.",
            set(),
        ),
        ("Chile has been opposed to Peru's joining the bloc.", {("CHL", "PER", "criticism", "occurred")}),
    ],
)
def test_relations_a_state_opposed_to_something_is_its_critic_not_its_target(parse, text, expected):
    assert keys(parse(text, "2024-05-10")) == expected


def test_relations_fellow_attendees_of_a_summit_do_not_meet_each_other(parse):
    got = keys(parse("The presidents of Chile and Peru will both be attending the summit in Quito.", "2024-05-10"))
    assert not {k for k in got if k[2] == "meeting"}
    assert {("CHL", "ECU", "visit", "planned"), ("PER", "ECU", "visit", "planned")} <= got


def test_relations_a_name_its_apposition_calls_private_is_no_state(parse):
    text = "SMBC, a private Japanese bank, has supported Thailand's green transition with loans."
    assert not keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # what one supports that is a measure against a state is no support of it
        ("Poland is a vocal supporter of Russian sanctions.", None, ("POL", "RUS", "support", "occurred")),
        # the ceasing asked for has not happened
        (
            "The US called on Russia to halt its military cooperation with North Korea.",
            None,
            ("RUS", "PRK", "rejection", "occurred"),
        ),
        # "they" after states named as agents are the states
        (
            "The resolutions were backed by France and Germany. They then urged Russia to withdraw its troops.",
            ("FRA", "RUS", "criticism", "occurred"),
            None,
        ),
        # a fact one is to remember is no wish
        (
            "It is important to remember Russia's invasion of Ukraine in 2022, the minister said.",
            ("RUS", "UKR", "attack"),
            None,
        ),
        # aid taken to a country is given, not received
        ("Turkey took humanitarian aid to Syria on Monday.", ("TUR", "SYR", "economic_aid", "occurred"), None),
    ],
)
def test_relations_the_second_reviews_findings_stay_mended(parse, text, expected, absent):
    got = keys(parse(text, "2024-05-10"))
    if expected is not None:
        assert expected in got or expected in {k[:3] for k in got}
    if absent is not None:
        assert absent not in got


def test_relations_a_dateline_closed_by_a_lone_colon_is_no_actor(parse):
    # judged sample 32: "KANDAHAR, Afghanistan : ..." made Afghanistan the bomber
    text = "KANDAHAR, Afghanistan : A man died in a bomb attack on a UN vehicle near the city, officials said."
    assert not keys(parse(text, "2024-05-10"))


def test_relations_a_passive_with_its_own_subject_takes_no_doer_from_the_verb_before(parse):
    # judged sample 32: the Afghan man who died in the blast was made the attacker of the UN
    text = "A Malian guard died and two soldiers were wounded in a grenade attack on a UN post in Mali, officials said."
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "attack"}
    # a passive with no subject of its own still shares the first verb's ("built by Iran and fired by Russia")
    text = "Kenya hosted the talks and was praised by Ghana."
    assert ("GHA", "KEN", "praise", "occurred") in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        # judged sample 30: a question put to a candidate was stored as his planned visit
        "Asked during a radio interview whether he would travel to Cuba, Rubio answered: 'Not under this regime.'",
        "It is unclear whether China supplied the drones to Russia.",
    ],
)
def test_relations_a_deed_a_whether_clause_asks_about_is_not_told(parse, text):
    assert not keys(parse(text, "2025-06-01"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # judged sample 30: money proposed to support a budget stored as words of support
        (
            "France will provide 30 million euros to support Senegal's health system.",
            ("FRA", "SEN", "economic_aid", "planned"),
        ),
        (
            "The World Bank approved a $200 million loan to support Kenya's energy sector.",
            ("WB", "KEN", "economic_aid", "occurred"),
        ),
    ],
)
def test_relations_a_sum_or_a_loan_given_to_support_a_state_is_economic_aid(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got and not {k for k in got if k[2] == "support"}


def test_relations_a_firms_local_arm_named_after_its_country_is_no_state(parse):
    # judged samples 27 and 28: an insurer's Thai arm and the UNDP stored as Thailand's cooperation with the UN
    text = "Allianz Kenya and the United Nations Development Programme have announced a collaboration on small firms."
    assert not keys(parse(text, "2024-05-10"))
    # a word before the name that is no name of a firm leaves the state
    assert ("TUR", "RUS", "attack", "occurred") in keys(
        parse("Neighboring Turkey shot down a Russian jet last year.", "2024-05-10")
    )


@pytest.mark.parametrize(
    "text",
    [
        # judged sample 28: a report's recommendation stored as accession talks held
        "The EU recommended that Turkey hold talks with Greece.",
        "He proposed that Kenya and Ghana sign a trade deal.",
    ],
)
def test_relations_a_that_clause_of_proposing_tells_what_ought_to_be(parse, text):
    assert not keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pejorative adjective after "as" ("labelled X as blind"), naming verbs that take "as"
        ("Erdogan labelled Washington as blind for ignoring the group.", ("TUR", "USA", "criticism", "occurred")),
        ("Milei has referred to Maduro as a dictator.", ("ARG", "VEN", "criticism", "occurred")),
        ("Moscow portrays NATO as an aggressive bloc.", ("RUS", "NATO", "criticism", "occurred")),
        # what the name says of it: an adjective on the noun
        ("The US views Russia as an authoritarian state.", ("USA", "RUS", "criticism", "occurred")),
    ],
)
def test_relations_naming_a_state_by_a_word_of_blame_is_criticism(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    ["The US views Japan as a key partner.", "Kenya regards Ghana as a reliable friend."],
)
def test_relations_naming_a_state_by_a_word_of_praise_is_no_criticism(parse, text):
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "criticism"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya said Ghana had violated the ceasefire.", ("KEN", "GHA", "accusation", "occurred")),
        (
            "A UN panel ruled that Kenyan authorities unlawfully detained the journalist.",
            ("UN", "KEN", "accusation", "occurred"),
        ),
        (
            "The Pentagon said a Russian fighter had intercepted the US plane in an unsafe and unprofessional way.",
            ("USA", "RUS", "accusation", "occurred"),
        ),
        (
            "Japan said Sunday's launch by North Korea was a violation of UN resolutions.",
            ("JPN", "PRK", "accusation", "occurred"),
        ),
    ],
)
def test_relations_a_deed_a_report_calls_wrong_accuses_its_doer(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_a_wrong_deed_in_the_writers_voice_accuses_no_one(parse):
    assert not {k for k in keys(parse("Ghana violated the ceasefire on Monday.", "2024-05-10")) if k[2] == "accusation"}
    text = "Kenya said Ghana had not violated the ceasefire."
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "accusation"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Japan is Kenya's largest bilateral donor.", ("JPN", "KEN", "economic_aid", "occurred")),
        ("Kenya is the largest recipient of Japanese aid in Africa.", ("JPN", "KEN", "economic_aid", "occurred")),
        (
            "Malaysia recently contributed 5 million ringgit to an ASEAN relief fund.",
            ("MYS", "ASEAN", "economic_aid", "occurred"),
        ),
        (
            "Norway will fund Kenya's budget next year.",
            ("NOR", "KEN", "economic_aid", "planned"),
        ),
    ],
)
def test_relations_donors_lenders_recipients_and_funding_are_economic_aid(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle with a by-agent that the parser reads as the sentence's verb
        (
            "Ghanaian soldiers backed up by Togo and Benin have retaken the border town.",
            ("TGO", "GHA", "military_aid", "occurred"),
        ),
        ("Syrian forces backed by Russia retook the town.", ("RUS", "SYR", "military_aid", "occurred")),
    ],
)
def test_relations_backing_a_states_troops_is_military_aid(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))
    # backing a bid stays support
    assert ("KEN", "GHA", "support", "occurred") in keys(parse("Kenya backed Ghana's bid for the seat.", "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The president said Kenya stands with Ghana in this hour of grief.", ("KEN", "GHA", "support", "occurred")),
        ("Chile described Peru's naval patrol as a lawful response.", ("CHL", "PER", "support", "occurred")),
        ("Peru got the green light from Chile to open the new border post.", ("CHL", "PER", "support", "occurred")),
        ("Tokyo moved quickly to reassure Manila after the incident.", ("JPN", "PHL", "support", "occurred")),
    ],
)
def test_relations_standing_with_approving_and_reassuring_are_support(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya has openly defied African Union resolutions on the border.", ("KEN", "AU", "rejection", "occurred")),
        ("Chile voted against a motion tabled by Peru at the assembly.", ("CHL", "PER", "rejection", "occurred")),
        ("Ghana said it would not accept Togo's offer.", ("GHA", "TGO", "rejection", "occurred")),
    ],
)
def test_relations_defying_voting_against_and_refusing_to_accept_are_rejection(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        "Ghana said it would accept Togo's offer.",
        "Kenya has defied predictions of a slowdown in Ghana.",
        "Chile was criticised for not recognising the Peruvian group as rebels.",
    ],
)
def test_relations_acceptance_and_defied_forecasts_are_no_rejection(parse, text):
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "rejection"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Beijing staged large naval drills around Taiwan on Monday.", ("CHN", "TWN", "threat", "occurred")),
        ("Russian war games around Estonia alarmed the Baltic states.", ("RUS", "EST", "threat", "occurred")),
        ("Brussels threatened new tariffs on Chinese steel.", ("EU", "CHN", "threat", "occurred")),
    ],
)
def test_relations_drills_staged_near_a_state_and_barriers_threatened_on_it_are_threats(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_joint_drills_near_a_state_are_no_threat_and_a_reported_show_of_force_accuses_no_one(parse):
    got = keys(parse("Japan and the US held joint drills near Taiwan.", "2024-05-10"))
    assert not {k for k in got if k[2] == "threat"}
    got = keys(parse("China staged drills around Taiwan, Japan said.", "2024-05-10"))
    assert ("CHN", "TWN", "threat", "alleged") in got and not {k for k in got if k[2] == "accusation"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ethiopian troops crossed into Eritrea overnight.", ("ETH", "ERI", "attack", "occurred")),
        ("Russian tanks rolled into Moldova in August.", ("RUS", "MDA", "attack", "occurred")),
        ("Government troops have killed dozens of Sudanese refugees, Chad says.", None),
        ("Serbian forces killed dozens of Croatian soldiers near the border.", ("SRB", "HRV", "attack", "occurred")),
        ("Indian forces downed a Pakistani helicopter near the border.", ("IND", "PAK", "attack", "occurred")),
    ],
)
def test_relations_armed_forces_moving_in_killing_shelling_or_downing_attack(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    if expected is None:
        assert not {k for k in got if k[2] == "attack"}
    else:
        assert expected in got


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of migrants crossed into Greece last week.",
        "The gunman killed two Kenyan tourists.",
        "The US military killed a militant commander in Syria.",
        "On Tuesday, a Kenyan suicide bomber killed ten Ghanaian tourists in Lagos.",
        # judged sample 33: a gunman or a fishing boat is no state
        "Turkish soldiers shot dead a Syrian gunman near the border post on Friday.",
        "In May, a Malaysian frigate fired shots at a Thai trawler that refused to stop fishing.",
    ],
)
def test_relations_crowds_gunmen_and_a_death_somewhere_are_no_state_attack(parse, text):
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "attack"}


@pytest.mark.parametrize(
    "text, day, expected",
    [
        # leaders_part7.csv: vice presidents and deputy heads of government resolve to their state by date
        (
            "Vice President Ma'ruf Amin arrived in Vientiane for the summit.",
            "2024-10-09",
            ("IDN", "LAO", "visit", "occurred"),
        ),
        ("Kamala Harris met Ferdinand Marcos Jr. in Manila.", "2022-11-21", ("PHL", "USA", "meeting", "occurred")),
    ],
)
def test_relations_vice_presidents_act_for_their_state(parse, text, day, expected):
    assert expected in keys(parse(text, day))


@pytest.mark.parametrize(
    "text, expected",
    [
        # judged sample 33: a decision to hold talks was stored as talks held
        (
            "Brussels' decision to start accession talks with Serbia was welcomed in Belgrade.",
            ("EU", "SRB", "meeting", "planned"),
        ),
        (
            "Chile's commitment to sign a trade pact with Peru surprised investors.",
            ("CHL", "PER", "agreement", "planned"),
        ),
    ],
)
def test_relations_what_a_decision_or_commitment_is_to_do_is_planned(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got and expected[:3] + ("occurred",) not in got


@pytest.mark.parametrize(
    "text",
    [
        # the second review's findings (review 21), each a row the first versions made
        "China has poured billions of dollars into Pakistan since 2015.",
        "Russian jets bombed rebel positions in Syria on Sunday at the request of the Syrian government.",
        "Iran called US bases in the region legitimate targets.",
        "The US called Venezuela's election neither free nor legitimate.",
        "China killed thousands of American jobs with cheap exports, the senator said.",
        "Serbian forces killed hundreds of ethnic Albanian villagers in Kosovo in 1999.",
        "Israeli air defences downed most of the Iranian missiles fired on Saturday.",
        "If Israel does not accept Egypt's proposal, the talks will collapse.",
        "Ukraine did not hesitate to accept Poland's offer of help.",
        "Japan has not accepted China's invitation, officials said.",
        "Washington has found no evidence that Israel violated US law.",
        "France doubted that Russia had violated the treaty.",
        "Turkey said the Palestinian deaths in Gaza were a crime.",
        "Mexico said thousands of Guatemalan migrants had illegally crossed into Mexico.",
        "Iran funds Houthi rebels in Yemen, the US says.",
        "The US Navy held drills near Taiwan, Beijing said.",
        "Macron stood beside Scholz during the press conference in Berlin.",
    ],
)
def test_relations_the_third_reviews_findings_stay_mended(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] in ("attack", "support", "rejection", "accusation", "economic_aid", "threat")}


def test_relations_drills_two_states_hold_together_threaten_no_one(parse):
    got = keys(parse("The US and South Korea held military drills around North Korea on Monday.", "2024-05-10"))
    assert ("KOR", "USA", "military_cooperation", "occurred") in got and not {k for k in got if k[2] == "threat"}


def test_relations_what_holds_as_long_as_a_condition_is_no_deed_told(parse):
    # judged sample 33: cooperation in an "as long as" clause was stored as carried out
    text = "As long as Japan keeps deepening its economic ties with Vietnam, the region will benefit."
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "economic_cooperation"}
    text = "Japan keeps deepening its economic ties with Vietnam."
    assert ("JPN", "VNM", "economic_cooperation", "occurred") in keys(parse(text, "2024-05-10"))
    # what the condition says goes on is told as going on
    text = "Jordan said it could not help as long as Syrian strikes on Turkey continue."
    assert ("SYR", "TUR", "attack") in {k[:3] for k in keys(parse(text, "2024-05-10"))}


@pytest.mark.parametrize(
    "text",
    [
        # judged sample 34: a private person's trip and charges against a private person are no state's
        "She met her husband in 2005 during a tourist trip in Cusco, Peru.",
        "US prosecutors filed charges on Monday against a British man accused of plotting attacks.",
    ],
)
def test_relations_private_trips_and_private_people_are_no_states(parse, text):
    assert not keys(parse(text, "2016-03-25"))


def test_relations_an_event_a_speaker_talks_beside_is_the_writers_fact(parse):
    # judged sample 34: the setting of a speech ("speaking on the sidelines of X's visit") is told by the
    # writer; the main clause's own report ("he believed ...") does not make the visit a claim
    text = (
        "Mueller, talking to reporters on the sidelines of President Macron's state visit to Tokyo, said he "
        "believed the minister was calm."
    )
    got = keys(parse(text, "2024-05-10"))
    assert ("FRA", "JPN", "visit", "occurred") in got and ("FRA", "JPN", "visit", "alleged") not in got


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        # judged sample 34: a trip in a "during" phrase of what will be done is still to come
        (
            "During her trip to Madrid, the Peruvian president will hand her powers to her deputy.",
            ("PER", "ESP", "visit", "planned"),
            ("PER", "ESP", "visit", "occurred"),
        ),
        # a plan the parser hangs the phrase under ("proposed to build") is no future of the visit
        (
            "In 2019, the Chinese president proposed to build a closer community with Laos during his visit to Vientiane.",
            ("CHN", "LAO", "visit", "occurred"),
            ("CHN", "LAO", "visit", "planned"),
        ),
    ],
)
def test_relations_a_visit_during_which_something_will_be_done_is_planned(parse, text, expected, not_expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got and not_expected not in got


def test_relations_a_treaty_that_lapses_is_no_agreement_made(parse):
    # judged sample 34: a science treaty that "slipped away without renewal" was stored as an agreement
    for text in (
        "A decades-old fisheries treaty between India and Japan slipped away without renewal in March.",
        "The water-sharing accord between Egypt and Sudan ended last year.",
    ):
        assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "agreement"}, text
    # an agreement that ends something else was made
    text = "The ceasefire agreement between Armenia and Azerbaijan ended the fighting in 2020."
    assert ("ARM", "AZE", "agreement") in {k[:3] for k in keys(parse(text, "2024-05-10"))}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the corpus's misses by type: a state named something by blame is criticised
        ("Pyongyang routinely dismisses Seoul as a lackey of Washington.", ("PRK", "KOR", "criticism", "occurred")),
        ("Ankara sees Greece as a hostile neighbour.", ("TUR", "GRC", "criticism", "occurred")),
        ("Ottawa considers Beijing a security threat.", ("CAN", "CHN", "criticism", "occurred")),
        # ... or said or believed to be it, in a that-clause with a copula
        (
            "Tehran believes the Emiratis are the main obstacle to a settlement.",
            ("IRN", "ARE", "criticism", "occurred"),
        ),
        (
            "Beijing has long insisted that Washington is the real aggressor in the region.",
            ("CHN", "USA", "criticism", "occurred"),
        ),
    ],
)
def test_relations_naming_or_saying_a_state_is_something_blameworthy_criticises_it(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        # not so named: negated, or what may come
        "The Indian minister said Japan was not a threat to anyone.",
        "Polish officials said Russia could become a danger to the region.",
        "Ankara sees Greece as a valued partner.",
        # "it" is the radar, not one of the two that see it so
        "Moscow and Minsk object to the new radar and see it as a threat to both of them.",
    ],
)
def test_relations_no_blame_where_none_is_named_or_the_pronoun_is_a_doer(parse, text):
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "criticism"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the corpus's accusation misses: a state said to be at fault or to blame, a court case brought
        ("Beijing claimed that the Vietnamese ships were at fault.", ("CHN", "VNM", "accusation", "occurred")),
        ("Moscow said Kyiv was to blame for the blast at the dam.", ("RUS", "UKR", "accusation", "occurred")),
        (
            "The European Commission took legal action against Poland on Monday over the independence of its judges.",
            ("EU", "POL", "accusation", "occurred"),
        ),
    ],
)
def test_relations_fault_blame_and_legal_action_accuse(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_action_against_a_state_is_an_accusation_only_in_court(parse):
    got = keys(parse("Washington threatened military action against Iran.", "2024-05-10"))
    assert not {k for k in got if k[2] == "accusation"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the corpus's meeting misses: video and telephone conferences, consulting, contacting counterparts
        (
            "In March, Vietnam, Laos and Cambodia held a videoconference on the floods.",
            ("KHM", "LAO", "meeting", "occurred"),
        ),
        ("Mexico is consulting closely with Canada on the tariffs.", ("CAN", "MEX", "meeting", "occurred")),
        (
            "Australian Foreign Minister Penny Wong contacted her counterparts from Germany and Jordan to urge restraint.",
            ("AUS", "JOR", "meeting", "occurred"),
        ),
        # a counterpart is another state's: "her counterparts from Germany" are Germany's (the parser hangs
        # "from" on the verb), not hers
        (
            "Australian Foreign Minister Penny Wong met her counterparts from Germany and Jordan on Monday.",
            ("AUS", "DEU", "meeting", "occurred"),
        ),
    ],
)
def test_relations_conferences_consulting_and_counterparts_from_a_state_are_meetings(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_police_contacting_an_embassy_is_no_meeting_of_states(parse):
    assert not keys(parse("Thai police contacted the Chinese embassy after the arrest.", "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        # the corpus's agreement misses: a truce two states broker, sponsor or draw up is their agreement,
        # also through a relative pronoun and a hyphenated list of brokers
        "The truce, which was brokered by Turkey and Russia in January, has since collapsed.",
        "Fighting threatens a Turkey-Russia-brokered ceasefire that has held for a month.",
        "The ceasefire drawn up by Ankara and Moscow faced collapse because militias were violating it.",
    ],
)
def test_relations_a_truce_two_states_broker_is_their_agreement(parse, text):
    assert ("RUS", "TUR", "agreement", "occurred") in keys(parse(text, "2024-05-10"))


def test_relations_one_broker_is_no_party_to_the_truce(parse):
    got = keys(parse("Qatar brokered a ceasefire between Israel and Lebanon on Monday.", "2024-05-10"))
    assert not {k for k in got if "QAT" in k[:2] and k[2] == "agreement"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the corpus's visit misses: a visit that names no destination went to the one other state the
        # sentence ties to it as host: its people meet, await or hail the visitor, or it is named on the visit
        ("Ghana is preparing for Pope Francis' visit next week.", ("VAT", "GHA", "visit", "planned")),
        # or a pair word joins it to the visitor
        ("Xi's visit was a sign of warmer Sino-Vietnamese ties.", ("CHN", "VNM", "visit", "occurred")),
        ("Wang Yi's visit was hailed by Pakistani officials.", ("CHN", "PAK", "visit", "occurred")),
        (
            "The announcement is due next week during British Prime Minister Tony Blair's Israel visit.",
            ("GBR", "ISR", "visit", "planned"),
        ),
        # host and visitor both in the talks: "the first such visit" is the visit to the talks' host
        (
            "Dutch Prime Minister Mark Rutte held talks with Putin last week, the first such visit by a Dutch leader in years.",
            ("NLD", "RUS", "visit", "occurred"),
        ),
        # "whose" stands for the noun its relative clause is on
        (
            "Speaking after a meeting with Indian Foreign Minister Jaishankar, whose three-day visit ended on Sunday, "
            "Australian Prime Minister Anthony Albanese said the two sides discussed trade.",
            ("IND", "AUS", "visit", "occurred"),
        ),
    ],
)
def test_relations_a_visit_without_a_destination_went_to_the_one_other_state_named(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        # a state that judges the visit is not where it went
        "Putin's visit, condemned by Ukraine, went ahead.",
        # a visit that says where it went, or that it went abroad, tells no destination by the state beside it
        "Prabowo recalled a Dutch sign he saw when visiting a pool in Jakarta in 1978.",
        "On his foreign trips the pope often addresses China.",
        # two other states: which one is unsaid
        "Xi's visit came as Japan and the United States held talks.",
        # a state named as the visit's critic, or in a clause about something else, is no host (review 22)
        "Putin's visit was criticised by Ukraine.",
        "Modi's trip angered China.",
        "Blinken's trip came after Israel struck Rafah.",
        "Xi's visit comes as tensions with the United States rise.",
    ],
)
def test_relations_no_destination_is_guessed_where_the_sentence_tells_another(parse, text):
    assert not {k for k in keys(parse(text, "2024-05-10")) if k[2] == "visit"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # accepting or upholding a bloc's centrality backs it
        (
            "Japan, India and Australia have long accepted ASEAN centrality in regional affairs.",
            ("JPN", "ASEAN", "support", "occurred"),
        ),
        ("Canada respects ASEAN centrality, the minister said.", ("CAN", "ASEAN", "support", "occurred")),
    ],
)
def test_relations_upholding_a_blocs_centrality_supports_it(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_accepting_an_offer_is_no_support_of_its_maker(parse):
    got = keys(parse("Kenya accepted Japan's offer of flood aid.", "2024-05-10"))
    assert not {k for k in got if k[2] == "support" and k[:2] == ("KEN", "JPN")}


def test_relations_a_proposal_from_a_state_is_its_own_when_rejected(parse):
    # the corpus's rejection misses: who made a recommendation or proposal a from- or by-phrase names
    got = keys(parse("Germany rebuffed a recommendation from the IMF on Friday.", "2024-05-10"))
    assert ("DEU", "IMF", "rejection", "occurred") in got
    got = keys(parse("Ukraine on Monday rejected the proposal from Brazil for talks.", "2024-05-10"))
    assert ("UKR", "BRA", "rejection", "occurred") in got


@pytest.mark.parametrize(
    "text",
    [
        # the corpus's military-aid misses: strikes or troops "in support of" a state's forces or government
        "Turkish drones were carrying out strikes in support of Libyan government forces.",
        "Turkey sent troops in support of the Libyan government.",
        # "whose forces are backed by": whose is the government's
        "The Libyan government, whose forces are backed by Turkish air power, says it respects the ceasefire.",
    ],
)
def test_relations_armed_support_of_a_states_forces_is_military_aid(parse, text):
    assert ("TUR", "LBY", "military_aid", "occurred") in keys(parse(text, "2024-05-10"))


def test_relations_a_deed_done_to_a_states_citizen_called_terrorism_blames_no_state(parse):
    # judged sample 35: a Saudi statement that the killing of a French citizen was terrorism was stored as criticism of France
    got = keys(parse("Ankara says killing of Dutchman was terrorist attack.", "2024-05-10"))
    assert not {k for k in got if k[2] == "criticism"}
    got = keys(parse("Moscow said the EU sanctions were illegitimate.", "2024-05-10"))
    assert ("RUS", "EU", "criticism", "occurred") in got


def test_relations_a_subject_pronoun_of_a_time_clause_is_the_main_clauses_subject(parse):
    # "X will meet Y before he heads to Germany": he is X, not Y (judged: a US visit to Germany)
    got = keys(parse("Xi Jinping met Emmanuel Macron in Paris before he flew on to Serbia.", "2024-05-10"))
    assert ("CHN", "SRB", "visit", "occurred") in got and ("FRA", "SRB", "visit", "occurred") not in got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fear is of what may happen: the state the that-clause names as doer is criticised
        ("Kenya is concerned that China could exploit the data of its citizens.", True),
        (
            "Kenyan ministers are deeply concerned that the Chinese government might misuse the records of its citizens.",
            True,
        ),
        ("Kenya is worried that China could exploit the data of its citizens.", True),
        # not a thing of the state's that may happen
        ("Kenya is concerned that China's economy might slow next year.", False),
    ],
)
def test_relations_concern_that_a_state_may_do_something_criticises_it(parse, text, expected):
    assert (("KEN", "CHN", "criticism", "occurred") in keys(parse(text, "2024-05-10"))) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's defence minister will discuss border security when he meets Ethiopia's army chief next week.",
        "Kenya's defence minister said she would meet Ethiopia's army chief next week.",
    ],
)
def test_relations_a_pronoun_for_an_official_named_by_title_alone_is_that_official(parse, text):
    # no person is named before the pronoun: the titled subject it continues acts for its state
    assert ("ETH", "KEN", "meeting", "planned") in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        # review 22's findings on this session's first versions, each a row they made
        "Israel will not send soldiers in support of Ukraine.",
        "Germany refused to send troops in support of Ukraine.",
        "Washington said it would consider sending troops in support of Taiwan.",
        "Japan imposed sanctions on Iran over drone shipments in support of Russia.",
        "Moscow said Kyiv was not to blame for the blast.",
        "Tokyo said neither Japan nor South Korea was at fault.",
        "Russia said Ukraine would be to blame if the talks failed.",
        "Egypt and Qatar are trying to broker a truce between Israel and Hamas.",
        "Qatar and Egypt brokered a ceasefire between Israel and Hamas in November.",
        "Indian Prime Minister Narendra Modi said Japan was no threat to anyone.",
        "Japanese Prime Minister Fumio Kishida said China was hardly an enemy.",
        "Germany said Syria was still too dangerous for refugees to return.",
        "Australia threatened legal action against China at the WTO.",
        "The UN human rights chief called for legal action against Israel.",
        "The EU dropped its legal action against Hungary on Monday.",
        "The Ukrainian delegation consulted the UN Charter before the vote.",
        "Turkey rejected a request from Sweden's Kurdish groups.",
    ],
)
def test_relations_the_tenth_sessions_review_findings_stay_mended(parse, text):
    got = keys(parse(text, "2024-05-10"))
    # (the threat of legal action stays a threat)
    assert all(k[2] == "threat" for k in got), got


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        # a visit already under way is no plan whatever will be done during it (review 22)
        (
            "During his three-day visit to India, which began on Monday, Russian President Vladimir Putin will also meet business leaders on Thursday.",
            ("RUS", "IND", "visit", "occurred"),
            ("RUS", "IND", "visit", "planned"),
        ),
        (
            "During his ongoing trip to Hanoi, Chinese President Xi Jinping will sign a dozen agreements, officials said.",
            ("CHN", "VNM", "visit", "occurred"),
            ("CHN", "VNM", "visit", "planned"),
        ),
        # a deal that "ended up being signed" was made; refusing a bloc's centrality is rejection
        (
            "The trade deal between Japan and Vietnam ended up being signed in Hanoi in May.",
            ("JPN", "VNM", "agreement", "occurred"),
            None,
        ),
        ("Japan did not accept ASEAN centrality in the 1990s.", ("JPN", "ASEAN", "rejection", "occurred"), None),
        # a pronoun that stands for a doer and another state targets only the other
        (
            "The Philippines and Vietnam have rejected the Chinese claims, seeing them as illegal.",
            ("PHL", "CHN", "criticism", "occurred"),
            ("PHL", "VNM", "criticism", "occurred"),
        ),
    ],
)
def test_relations_the_tenth_sessions_review_right_rows(parse, text, expected, not_expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got and not_expected not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of titled leaders the parser reads as an apposition with conjuncts of its own
        (
            "A three-way summit was attended by Thai Prime Minister Srettha Thavisin, Australian Prime Minister Anthony Albanese and Indonesian President Joko Widodo.",
            {("AUS", "THA", "meeting", "occurred"), ("AUS", "IDN", "meeting", "occurred")},
        ),
        # a list of demonyms where the parser hangs one on the next as its modifier
        (
            "The Iraqi, Iranian, Qatari and Algerian delegates left the room after a tense meeting.",
            {("IRN", "IRQ", "meeting", "occurred"), ("IRQ", "QAT", "meeting", "occurred")},
        ),
        # a list of a state's name and a demonym on one noun: both its states
        (
            "A UN panel has ruled that UK and Danish authorities unlawfully detained the activist.",
            {("UN", "GBR", "accusation", "occurred"), ("UN", "DNK", "accusation", "occurred")},
        ),
        # a list read as a chain of appositions, or with a noun-phrase adverbial, ending in conjuncts
        (
            "Chile, Peru, Bolivia, Ecuador and Colombia all oppose Brazil's plan for the river.",
            {("PER", "BRA", "criticism", "occurred"), ("ECU", "BRA", "criticism", "occurred")},
        ),
    ],
)
def test_relations_every_member_of_a_list_the_parser_breaks_is_a_party(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


def test_relations_a_true_apposition_renames_one_party(parse):
    # (review 23: two descriptions joined in one apposition are no list of states)
    got = keys(parse("Belarus, a close ally of Russia and a neighbour of Ukraine, criticised Poland.", "2024-05-10"))
    assert got == {("BLR", "POL", "criticism", "occurred")}, got


@pytest.mark.parametrize(
    "text, day, expected",
    [
        # an understanding reached is a deal
        (
            "Rome and Madrid reached a broad understanding on the migration rules, the minister said.",
            "2024-03-10",
            ("ESP", "ITA", "agreement", "occurred"),
        ),
        # the place of a summit hung on an infinitive whose doer is a country: the speaker above is there
        (
            "The foreign minister of Ghana set out his country's hope to join the group at the G20 summit in Brazil's Rio de Janeiro on Thursday.",
            "2024-10-25",
            ("GHA", "BRA", "visit", "occurred"),
        ),
        # a summit told something is an audience, like reporters told
        (
            "President Ruto told the climate summit in Paris that Africa needed cheaper loans.",
            "2024-03-10",
            ("KEN", "FRA", "visit", "occurred"),
        ),
        # a capital compounded on a gathering is where it is held
        (
            "Kenyan President William Ruto attended a Beijing summit on trade last week.",
            "2024-03-10",
            ("KEN", "CHN", "visit", "occurred"),
        ),
        # a deed's doer named by a by-phrase is whom its condemnation targets
        (
            "Kenya condemned in the harshest words the incursion by Uganda into Rwanda.",
            "2024-03-10",
            ("KEN", "UGA", "criticism", "occurred"),
        ),
    ],
)
def test_relations_understandings_summit_venues_and_deeds_by_a_state(parse, text, day, expected):
    assert expected in keys(parse(text, day))


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto attended the China-Africa summit last week.",
        # two capitals hyphened on talks name their sides (review 23)
        "Qatar's emir joined the Washington-Tehran talks on Monday.",
    ],
)
def test_relations_a_state_compounded_on_a_summit_is_a_party_not_its_venue(parse, text):
    got = keys(parse(text, "2024-03-10"))
    assert not any(k[2] == "visit" for k in got), got


@pytest.mark.parametrize(
    "text, day, expected, not_expected",
    [
        # after a list, a relative clause with a singular verb is about the last member
        (
            "Egypt's main suppliers include Italy, Germany and France, which since the 1970s has supplied most of Egypt's fighter jets.",
            "2024-03-10",
            ("FRA", "EGY", "military_aid", "occurred"),
            ("ITA", "EGY", "military_aid", "occurred"),
        ),
        # a relative pronoun as the object stands for its noun and its owner
        (
            "The tests defy a string of UN Security Council resolutions, which Pyongyang rejects as a breach of its sovereignty.",
            "2024-03-10",
            ("PRK", "UN", "rejection", "occurred"),
            None,
        ),
        # backing by fighters is military aid
        (
            "The Syrian government, backed by Iranian fighters, refused any truce.",
            "2016-03-10",
            ("IRN", "SYR", "military_aid", "occurred"),
            ("IRN", "SYR", "support", "occurred"),
        ),
    ],
)
def test_relations_relative_clauses_after_lists_and_backing_by_fighters(parse, text, day, expected, not_expected):
    got = keys(parse(text, day))
    assert expected in got and not_expected not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a right or standing backed is backing of whose it is, also of an ally named beside the word
        (
            "Australia backed the right of its neighbour, Papua New Guinea, to take the dispute to court.",
            ("AUS", "PNG", "support", "occurred"),
        ),
        (
            "The Chilean government advocated the recognition of Palestine by more states.",
            ("CHL", "PSE", "support", "occurred"),
        ),
        ("Kenya backed the admission of Somalia to the bloc.", ("KEN", "SOM", "support", "occurred")),
    ],
)
def test_relations_backing_a_states_right_or_standing_is_support_of_it(parse, text, expected):
    assert expected in keys(parse(text, "2024-03-10"))


@pytest.mark.parametrize(
    "text",
    [
        "He fled Kuwait after Iraq invaded it in 1990.",
        "Kuwait was shaken when Iraq invaded the country in 1990.",
    ],
)
def test_relations_an_object_pronoun_is_not_its_verbs_doer(parse, text):
    assert ("IRQ", "KWT", "attack", "occurred") in keys(parse(text, "2016-03-10"))


def test_relations_it_with_only_its_verbs_doer_before_is_a_thing(parse):
    # not the last state named in the sentence before
    got = keys(parse("China objected to the missile shield. Russia opposes it as well.", "2016-03-10"))
    assert ("RUS", "CHN", "criticism", "occurred") not in got, got


def test_relations_a_vice_presidents_title_and_family_name_is_the_vice_president(parse):
    got = keys(parse("When Vice President Harris visited Jakarta in August, she spoke of the region.", "2023-11-10"))
    assert ("USA", "IDN", "visit", "occurred") in got, got


@pytest.mark.parametrize(
    "text, visit",
    [
        ("President Ruto addressed a business forum in Berlin on Monday.", True),
        # an issue addressed somewhere is no audience there
        ("President Ruto addressed the issue in Berlin on Monday.", False),
    ],
)
def test_relations_addressing_a_gathering_abroad_is_a_visit(parse, text, visit):
    got = keys(parse(text, "2023-09-10"))
    assert (("KEN", "DEU", "visit", "occurred") in got) == visit, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A spokesman for the Kenyan government criticised Uganda for the raid.",
            ("KEN", "UGA", "criticism", "occurred"),
        ),
        # whom a spokesman speaks for, not the capital where the spokesman sits
        (
            "The Nairobi spokesman for the Ugandan army criticised Kenya for the raid.",
            ("UGA", "KEN", "criticism", "occurred"),
        ),
    ],
)
def test_relations_a_spokesman_for_a_state_speaks_for_it(parse, text, expected):
    # the rules' reading of the actors (the models' veto is theirs to pin: the 2026-12-06 retrain backs
    # the second sentence's criticism under its cut, as the folds chose)
    rows = extract_all(parse(text, "2016-02-11"), learned=False)[0]["relations"]
    assert expected in {(r["source_actor"], r["target_actor"], r["relation_type"], r["status"]) for r in rows}


def test_relations_an_envoy_for_a_country_is_the_envoys_senders(parse):
    got = keys(parse("The UN's special envoy for Yemen flew to Riyadh for talks on Sunday.", "2016-04-05"))
    assert ("UN", "SAU", "visit", "occurred") in got and ("YEM", "SAU", "visit", "occurred") not in got, got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # "U.S.-backed": a hyphen after an abbreviation's full stop splits like "US-backed"
        (
            "The U.S.-backed government of Afghanistan rejected the Taliban's offer.",
            ("USA", "AFG", "support", "occurred"),
            None,
        ),
        # support "with" a noun of a list is that noun's, not the others'
        (
            "The rebels were being fought by a Turkish-led force and the Libyan government with Egyptian air support.",
            ("EGY", "LBY", "military_aid", "occurred"),
            ("EGY", "TUR", "military_aid", "occurred"),
        ),
        # (not any noun the parser hangs the with-phrase on: the clause's subject gets the help)
        (
            "The Malian army is retaking towns from insurgents with military help from Russia.",
            ("RUS", "MLI", "military_aid", "occurred"),
            None,
        ),
    ],
)
def test_relations_dotted_abbreviations_before_a_hyphen_and_support_with_a_listed_noun(parse, text, expected, absent):
    got = keys(parse(text, "2016-02-13"))
    assert expected in got and absent not in got, got


@pytest.mark.parametrize(
    "text, day, expected, absent",
    [
        # the subject "it" is the last state named, not the previous subject, by default (the subject rule was dropped)
        (
            "Russia invaded Ukraine in 2022. It has since received billions of dollars in aid from the European Union.",
            "2024-03-10",
            ("EU", "UKR", "economic_aid", "occurred"),
            ("EU", "RUS", "economic_aid", "occurred"),
        ),
        # an object "it" with its verb's doer set aside is no state an aside names
        (
            "Kuwait was hit by Iraqi rockets. After talks with Saudi Arabia, Iraq attacked it again.",
            "2024-03-10",
            None,
            ("IRQ", "SAU", "attack", "occurred"),
        ),
        # membership "of" a bloc names the bloc joined, not whose membership it is
        ("Hungary opposes Ukraine's membership of NATO.", "2024-03-10", None, ("HUN", "NATO", "criticism", "occurred")),
        # a summit told by video link takes no one abroad
        (
            "Ukrainian President Volodymyr Zelensky told the summit in Madrid by video link that Kyiv needed jets.",
            "2024-03-10",
            None,
            ("UKR", "ESP", "visit", "occurred"),
        ),
        # others urged to act at a summit are not the speaker
        (
            "Iran's president urged Arab states to back the plan at next week's summit in Riyadh.",
            "2024-03-10",
            None,
            ("IRN", "SAU", "visit", "occurred"),
        ),
        # support "with" a second verb is the subject's
        (
            "Ukraine's army held the line and recaptured several villages with British support.",
            "2024-03-10",
            ("GBR", "UKR", "support", "occurred"),
            None,
        ),
        # a firm's spokesman speaks for no state
        (
            "A spokesman for Russian energy giant Gazprom criticised Ukraine for halting gas transit.",
            "2024-03-10",
            None,
            ("RUS", "UKR", "criticism", "occurred"),
        ),
        # the UN General Assembly in New York is the UN's seat (guide note 5)
        (
            "Iranian President Ebrahim Raisi told the UN General Assembly in New York that sanctions had failed.",
            "2023-09-20",
            None,
            ("IRN", "USA", "visit", "occurred"),
        ),
        # a parliamentary committee is no official body (guide note 1)
        (
            "A Japanese parliamentary committee visited Taiwan last week.",
            "2024-03-10",
            None,
            ("JPN", "TWN", "visit", "occurred"),
        ),
        # the rights of a state's people backed are the state's
        (
            "Lithuania backed the rights of Taiwan's people to choose their leaders.",
            "2024-03-10",
            ("LTU", "TWN", "support", "occurred"),
            None,
        ),
        # "Vice-President" with a hyphen is the vice president's title too
        ("Vice-President Harris visited Hanoi.", "2023-11-10", ("USA", "VNM", "visit", "occurred"), None),
    ],
)
def test_relations_the_eleventh_sessions_review_findings_stay_mended(parse, text, day, expected, absent):
    got = keys(parse(text, day))
    assert (expected is None or expected in got) and absent not in got, got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # "their" in a passive's by-phrase: every member of the passive's subject list, not the last two
        (
            "The 9th Arctic Summit took place in Oslo, Norway, last week. Canada, Finland, Iceland and Denmark were "
            "represented by their prime ministers at the summit.",
            {
                ("CAN", "NOR", "visit", "occurred"),
                ("FIN", "NOR", "visit", "occurred"),
                ("ISL", "NOR", "visit", "occurred"),
            },
            set(),
        ),
        # a gathering said to be attended, in a participle or a second passive sharing its subject
        (
            "The trade forum in Nairobi, attended by the Ugandan and Rwandan trade ministers, closed on Friday.",
            {("UGA", "KEN", "visit", "occurred"), ("RWA", "KEN", "visit", "occurred")},
            set(),
        ),
        (
            "The conference was held in Lima and attended by envoys from 14 nations, including Chile and Bolivia.",
            {("CHL", "PER", "visit", "occurred"), ("BOL", "PER", "visit", "occurred")},
            set(),
        ),
        # the members of a group acting as one are not paired with one another
        (
            "Envoys from a group of countries, including Norway, Chile, Ghana and Japan, agreed on Monday to seek a truce.",
            set(),
            {("CHL", "NOR", "agreement", "occurred"), ("GHA", "NOR", "agreement", "occurred")},
        ),
    ],
)
def test_relations_attendance_told_in_the_passive_and_the_listed_states_of_a_noun(parse, text, expected, absent):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got
    assert not (absent & got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        # "both" as a subject: the two states the sentence just named
        (
            "Kenyan President William Ruto hosted Ugandan President Yoweri Museveni, and both urged Sudan to end the fighting.",
            {("KEN", "SDN", "criticism", "occurred"), ("UGA", "SDN", "criticism", "occurred")},
        ),
        # a phrasal verb of ceasing ("give up") in the call
        ("Chile called for Peru to give up its claim to the islands.", {("CHL", "PER", "criticism", "occurred")}),
    ],
)
def test_relations_both_as_a_subject_and_a_call_to_give_up(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


def test_relations_both_after_three_states_is_no_guess(parse):
    got = keys(parse("Chile, Peru and Bolivia met, and both urged Brazil to halt the dam.", "2024-05-10"))
    assert not {k for k in got if k[2] == "criticism"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Malaysia flew medical aid to Gaza on Tuesday.", {("MYS", "PSE", "economic_aid", "occurred")}),
        ("Jordan sent food aid to the Gaza Strip last week.", {("JOR", "PSE", "economic_aid", "occurred")}),
    ],
)
def test_relations_aid_to_gaza_is_aid_to_the_palestinians(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


def test_relations_gaza_as_a_place_of_origin_makes_no_palestinian_attack(parse):
    got = keys(parse("Rockets fired from Gaza struck two towns in southern Israel.", "2024-05-10"))
    assert not {k for k in got if k[0] == "PSE"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Norway will contribute more than $40 million to the African Union's mission.",
            {("NOR", "AU", "economic_aid", "planned")},
        ),
        ("Qatar gave $2 billion to Egypt last year.", {("QAT", "EGY", "economic_aid", "occurred")}),
    ],
)
def test_relations_a_sum_given_in_a_currency_symbol_is_aid(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "Iran fired a ballistic missile on Sunday. Britain and France said the launch violated a UN Security Council resolution.",
        "Iran's missile launch drew protests. Britain and France said the test violated a UN Security Council resolution.",
    ],
)
def test_relations_a_deed_named_again_is_the_doer_told_before(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert {("GBR", "IRN", "accusation", "occurred"), ("FRA", "IRN", "accusation", "occurred")} <= got, got


def test_relations_an_indefinite_deed_is_no_deed_told_before(parse):
    text = "Iran fired a ballistic missile on Sunday. Britain said any new test would violate a UN resolution."
    got = keys(parse(text, "2024-05-10"))
    assert ("GBR", "IRN", "accusation", "occurred") not in got, got


def test_relations_a_conference_with_a_hyphened_pair_on_it_is_their_meeting(parse):
    got = keys(
        parse("At the Kenya-Uganda Trade Conference in Nairobi, the ministers spoke about tariffs.", "2024-05-10")
    )
    assert ("KEN", "UGA", "meeting", "occurred") in got, got


def test_relations_a_conference_with_one_state_on_it_names_no_partner(parse):
    got = keys(parse("At the Kenya Trade Conference in Nairobi, the ministers spoke about tariffs.", "2024-05-10"))
    assert not {k for k in got if k[2] == "meeting"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parties of a deal named on the gerund that says what it is about
        (
            "Trade grew after the agreement on shipping fertiliser across the lake between Kenya, Uganda and Tanzania.",
            {("KEN", "UGA", "agreement", "occurred"), ("TZA", "UGA", "agreement", "occurred")},
        ),
        # a pair hyphened with the first name as an adverbial of the second, and an impending deal is planned
        ("An impending US-Saudi defence pact worries Tehran.", {("SAU", "USA", "agreement", "planned")}),
    ],
)
def test_relations_parties_of_a_deal_named_on_its_gerund_or_a_hyphened_pair(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # an armed operation backed by another state: military aid to the state whose operation it is
        (
            "The Malian army pushed north on Sunday in a large offensive backed by France and Chad.",
            {("FRA", "MLI", "military_aid", "occurred"), ("TCD", "MLI", "military_aid", "occurred")},
        ),
        ("Rebels lost ground to a Russian-backed Malian army offensive.", {("RUS", "MLI", "military_aid", "occurred")}),
        # assisted by another state's troops
        ("Malian soldiers, assisted by French troops, retook the town.", {("FRA", "MLI", "military_aid", "occurred")}),
    ],
)
def test_relations_backing_an_armed_operation_or_assisting_troops_is_military_aid(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


def test_relations_an_offensive_by_rebels_backed_by_a_state_is_no_aid_to_a_state(parse):
    got = keys(parse("The rebels launched an offensive backed by Turkey.", "2024-05-10"))
    assert not {k for k in got if k[2] in ("military_aid", "support")}, got


def test_relations_leaving_the_agreement_told_before_rejects_its_other_parties(parse):
    text = "Exports recovered under the fishing pact between Kenya, Uganda and Tanzania. Then Uganda withdrew from the agreement."
    got = keys(parse(text, "2024-05-10"))
    assert {("UGA", "KEN", "rejection", "occurred"), ("UGA", "TZA", "rejection", "occurred")} <= got, got


def test_relations_a_leaver_who_was_no_party_of_the_agreement_told_before_rejects_no_one(parse):
    text = "Kenya and Uganda signed a border accord. Later Tanzania withdrew from the agreement."
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] == "rejection"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenyan President William Ruto, one of Somalia's firmest backers, spoke on Monday.",
            {("KEN", "SOM", "support", "occurred")},
        ),
        ("Belarus has acted as a key supporter of Russia.", {("BLR", "RUS", "support", "occurred")}),
    ],
)
def test_relations_a_supporter_named_in_an_apposition_or_an_as_phrase(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


def test_relations_a_relative_pronoun_object_of_an_infinitive_stands_for_its_noun(parse):
    got = keys(parse("Somalia, which Kenya has promised to defend, protested on Monday.", "2024-05-10"))
    assert ("KEN", "SOM", "support", "planned") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Ruto met Xi on the sidelines of last week's summit in Bali.",
        "Ruto and Xi held a meeting on the sidelines of last week's summit in Bali.",
        "Ruto met Xi on the margins of the summit held in Bali.",
    ],
)
def test_relations_a_meeting_on_the_sidelines_of_a_gathering_is_held_where_the_gathering_is(parse, text):
    got = {k[:3] for k in keys(parse(text, "2024-05-10"))}
    assert {("KEN", "IDN", "visit"), ("CHN", "IDN", "visit")} <= got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The AU summit opened in Accra on Saturday. Ruto, Museveni and Egypt's Sisi, among others, are attending.",
            {
                ("KEN", "GHA", "visit", "occurred"),
                ("UGA", "GHA", "visit", "occurred"),
                ("EGY", "GHA", "visit", "occurred"),
            },
        ),
        (
            "The AU summit opened in Accra on Saturday. Ruto will attend on Sunday.",
            {("KEN", "GHA", "visit", "planned")},
        ),
        (
            "The AU summit opened in Accra on Saturday. Leaders attending include Kenya's Ruto and Egypt's Sisi.",
            {("KEN", "GHA", "visit", "occurred"), ("EGY", "GHA", "visit", "occurred")},
        ),
        (
            "The AU summit opened in Accra on Saturday. East Africa was represented by Kenyan President Ruto.",
            {("KEN", "GHA", "visit", "occurred")},
        ),
        (
            "The AU summit opened in Accra on Saturday. Kenya's Ruto is skipping it and has sent his deputy president instead.",
            {("KEN", "GHA", "visit", "occurred")},
        ),
    ],
)
def test_relations_officials_said_to_attend_attend_the_gathering_the_article_placed(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "The AU summit opened in Accra on Saturday. Ruto attended via video link.",
        "The AU summit opened in Accra on Saturday. Ruto did not attend.",
        "The AU summit opened in Accra on Saturday. Kenya's ambassador attended.",
        "The AU summit opened in Accra on Saturday. Kenya was represented by its ambassador.",
        "The AU summit opened in Accra on Saturday. Kenya was represented by lawyers in the case.",
        "The AU summit opened in Accra on Saturday. Kenya sent troops.",
        "The AU summit opened in Accra on Saturday. Kenya sent a letter.",
        "The AU summit opened in Accra. The trade forum opened in Lagos. Ruto attended.",
    ],
)
def test_relations_attending_with_no_gathering_named_is_no_visit_by_video_negated_resident_or_ambiguous(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[0] == "KEN" and k[2] == "visit"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Speaking to reporters at NATO headquarters in Brussels, Kenyan Defence Minister Aden Duale said the plan "
            "was ready.",
            ("KEN", "NATO", "visit", "occurred"),
        ),
        ("Ruto met the secretary-general at UN headquarters in New York.", ("KEN", "UN", "visit", "occurred")),
        ("Ruto will speak at the EU headquarters in Brussels next week.", ("KEN", "EU", "visit", "planned")),
    ],
)
def test_relations_an_official_at_an_organisations_headquarters_visits_the_organisation(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got and not {k for k in got if k[1] in ("BEL", "USA")}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya voiced strong criticism of the law passed by Uganda.", ("KEN", "UGA", "criticism")),
        ("Ghana expressed deep concern about the radar deployed by Togo.", ("GHA", "TGO", "criticism")),
        ("Ghana lodged a protest over the fence built by Togo.", ("GHA", "TGO", "criticism")),
    ],
)
def test_relations_criticism_of_a_thing_a_state_made_criticises_the_state(parse, text, expected):
    # as the verbs already read it ("protested against the map issued by China")
    assert expected in {k[:3] for k in keys(parse(text, "2024-05-10"))}


def test_relations_people_at_an_organisations_headquarters_who_are_no_officials_visit_nothing(parse):
    assert not keys(parse("Kenyan protesters gathered at NATO headquarters.", "2024-05-10"))


def test_relations_a_meeting_on_the_sidelines_of_a_un_organ_is_at_the_uns_seat(parse):
    got = {
        k[:3] for k in keys(parse("Ruto met Xi on the sidelines of the UN General Assembly in New York.", "2024-05-10"))
    }
    assert not {k for k in got if k[1] == "USA"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Kenyan president addressed the British parliament on Tuesday.", ("KEN", "GBR", "visit", "occurred")),
        ("Modi spoke to the US Congress in June.", ("IND", "USA", "visit", "occurred")),
        ("Ruto's speech at the Japanese parliament drew applause.", ("KEN", "JPN", "visit", "occurred")),
        ("Kenya sent a delegation to Beijing last week.", ("KEN", "CHN", "visit", "occurred")),
        # an official sent by title or by name travels as a delegation does
        ("Kenya sent Foreign Minister Musalia Mudavadi to Kampala.", ("KEN", "UGA", "visit", "occurred")),
        ("Ghana will send its defence minister to Abuja next month.", ("GHA", "NGA", "visit", "planned")),
    ],
)
def test_relations_addressing_a_foreign_legislature_or_sending_a_delegation_is_a_visit(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president addressed the British parliament by video link on Tuesday.",
        "The Kenyan president addressed the Kenyan parliament on Tuesday.",
        "Kenya sent troops to Somalia last week.",
    ],
)
def test_relations_a_legislature_addressed_from_afar_or_at_home_and_troops_sent_are_no_visit(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] == "visit"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya warned Uganda of serious consequences if it builds the dam.", ("KEN", "UGA", "threat", "occurred")),
        (
            "Ethiopia warned on Monday of retaliation if Egypt moves troops to the border.",
            ("ETH", "EGY", "threat", "occurred"),
        ),
    ],
)
def test_relations_a_warning_of_consequences_threatens_the_warned(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got, got


def test_relations_a_warning_of_a_storm_threatens_no_one(parse):
    got = keys(parse("Kenya warned Uganda of heavy floods if the rains continue.", "2024-05-10"))
    assert not {k for k in got if k[2] == "threat"}, got


@pytest.mark.parametrize(
    "text, absent",
    [
        # (review 24) a deed's doer is who carries it out, not who comments on it, nor an inquiry launched
        (
            "North Korea conducted a missile test on Monday. The US condemned the test. Japan said the test violated UN resolutions.",
            {("JPN", "USA", "accusation", "occurred")},
        ),
        (
            "North Korea fired a missile on Sunday. Japan's defence ministry tracked the launch. The US said the launch violated UN resolutions.",
            {("USA", "JPN", "accusation", "occurred")},
        ),
        (
            "India launched an investigation into the crash. Pakistan said the launch violated a UN resolution.",
            {("PAK", "IND", "accusation", "occurred")},
        ),
        (
            "Putin ordered the Ukraine invasion in 2022. Germany said the invasion violated international law.",
            {("DEU", "UKR", "accusation", "occurred")},
        ),
        # an offensive backed by a state is aid to whoever carries it out, not to whoever repels or condemns it
        ("Ukraine repelled a large offensive backed by Belarus.", {("BLR", "UKR", "military_aid", "occurred")}),
        (
            "Pakistan launched a polio vaccination campaign backed by the United States.",
            {("USA", "PAK", "military_aid", "occurred")},
        ),
        (
            "Hungary's election campaign, backed by Russia, ended on Sunday.",
            {("RUS", "HUN", "military_aid", "occurred")},
        ),
        # a hyphened pair with a topic noun between it and the conference is the topic
        (
            "At the Russia-Ukraine peace conference in Geneva, diplomats discussed a ceasefire.",
            {("RUS", "UKR", "meeting", "occurred")},
        ),
        # a named treaty is not the agreement told before; leaving it only planned or denied is no rejection
        (
            "Russia and Ukraine signed a grain deal in July 2022. In 2021 Russia had withdrawn from the Open Skies Treaty.",
            {("RUS", "UKR", "rejection", "occurred")},
        ),
        (
            "Kenya and Uganda signed a trade pact. Uganda did not withdraw from the agreement.",
            {("UGA", "KEN", "rejection", "occurred")},
        ),
        (
            "Kenya and Uganda signed a trade pact. Uganda has no plans to quit the agreement.",
            {("UGA", "KEN", "rejection", "planned")},
        ),
        # Gaza compounded on another noun is its topic or theatre, not the Palestinians
        ("Egypt rejected the Gaza plan on Tuesday.", {("EGY", "PSE", "rejection", "occurred")}),
        (
            "The Gaza offensive, backed by the United States, entered its sixth month.",
            {("USA", "PSE", "military_aid", "occurred")},
        ),
        # a sum in weapons or in military aid is military aid; frozen revenues are no aid
        ("The US sent $300 million in weapons to Ukraine.", {("USA", "UKR", "economic_aid", "occurred")}),
        (
            "Iran received $6 billion from South Korea in frozen oil revenues.",
            {("KOR", "IRN", "economic_aid", "occurred")},
        ),
        # a supporter named so by another is the one named
        ("NATO described China as a decisive supporter of Russia.", {("NATO", "RUS", "support", "occurred")}),
        # assisting a ship or rescuers is no military aid to their state
        ("The Indian navy assisted a Sri Lankan vessel in distress.", {("IND", "LKA", "military_aid", "occurred")}),
        # a call not to give something up is encouragement; attending by video is no visit
        ("Macron urged Kyiv not to give up its bid to join the EU.", {("FRA", "UKR", "criticism", "occurred")}),
        (
            "The conference in London, attended by Kenyan officials via video link, ended on Thursday.",
            {("KEN", "GBR", "visit", "occurred")},
        ),
        # a bloc acting as one is not its listed members
        ("The bloc, including Brazil and India, criticised the US tariffs.", {("BRA", "USA", "criticism", "occurred")}),
    ],
)
def test_relations_the_twelfth_sessions_review_findings_stay_mended(parse, text, absent):
    got = keys(parse(text, "2024-05-10"))
    assert not (absent & got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The US provided $61 billion in military aid to Ukraine.", ("USA", "UKR", "military_aid", "occurred")),
        (
            "The Syrian army launched a military campaign backed by Russian air strikes.",
            ("RUS", "SYR", "military_aid", "occurred"),
        ),
    ],
)
def test_relations_the_twelfth_sessions_review_right_rows(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenya will host a three-way summit with Uganda and Tanzania next month.",
            {("UGA", "KEN", "visit", "planned"), ("TZA", "KEN", "visit", "planned")},
        ),
        ("Kenya hosted talks with Uganda last week.", {("UGA", "KEN", "visit", "occurred")}),
    ],
)
def test_relations_the_guests_of_a_hosted_gathering_visit_the_host(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected <= got, got


def test_relations_a_gathering_hosted_elsewhere_takes_the_guests_there(parse):
    got = keys(parse("Kenya hosted talks with Uganda in Geneva last week.", "2024-05-10"))
    assert ("UGA", "KEN", "visit", "occurred") not in got, got


def test_relations_a_supporter_named_so_by_another_is_the_one_named(parse):
    # (whose claim it is, and so its status, is left to the report rules: the pair is what this pins)
    got = keys(parse("NATO described China as a decisive supporter of Russia.", "2024-05-10"))
    assert ("CHN", "RUS", "support") in {k[:3] for k in got}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # (review 24b) right rows the first mends had lost
        (
            "Russia, Ukraine and Turkey signed the grain deal in July 2022. Russia withdrew from the grain deal in July 2023.",
            ("RUS", "TUR", "rejection", "occurred"),
        ),
        (
            "Kenya and Uganda signed a trade pact in March. Uganda withdrew from the new pact in May.",
            ("UGA", "KEN", "rejection", "occurred"),
        ),
        (
            "Saudi Arabia pledged $1 billion to Yemen in a statement on Monday.",
            ("SAU", "YEM", "economic_aid", "occurred"),
        ),
        ("Qatar gave $2 billion in cash to Egypt.", ("QAT", "EGY", "economic_aid", "occurred")),
        ("The US sent $1 billion of military aid to Ukraine.", ("USA", "UKR", "military_aid", "occurred")),
        ("China warned the Philippines of serious consequences on Tuesday.", ("CHN", "PHL", "threat", "occurred")),
        ("The US-China phone call lasted two hours.", ("CHN", "USA", "meeting", "occurred")),
        (
            "The US invasion of Iraq began in 2003. France said the invasion violated the UN charter.",
            ("FRA", "USA", "accusation", "occurred"),
        ),
        (
            "Iran retaliated against the Israeli strike on Sunday. Iran's foreign ministry said the strike violated international law.",
            ("IRN", "ISR", "accusation", "occurred"),
        ),
        (
            "North Korea tested an ICBM on Monday. Japan said the test violated UN resolutions.",
            ("JPN", "PRK", "accusation", "occurred"),
        ),
        (
            "Syrian troops took part in an offensive backed by Russia near Aleppo.",
            ("RUS", "SYR", "military_aid", "occurred"),
        ),
        ("US troops assisted the Afghan government against the Taliban.", ("USA", "AFG", "military_aid", "occurred")),
        ("Israeli jets struck Gaza City on Monday.", ("ISR", "PSE", "attack", "occurred")),
    ],
)
def test_relations_the_second_review_keeps_the_right_rows_of_the_mended_kinds(parse, text, expected):
    got = keys(parse(text, "2024-05-10"))
    assert expected in got, got


@pytest.mark.parametrize(
    "text, absent_types",
    [
        ("The UN warned Israel of catastrophic consequences if it launches an offensive on Rafah.", {"threat"}),
        ("Macron warned of grave consequences for Europe if Russia wins the war in Ukraine.", {"threat"}),
        ("The US warned Israel of possible retaliation by Iran.", {"threat"}),
        ("Egypt warned Ethiopia of unintended consequences of filling the dam.", {"threat"}),
        ("Zelensky addressed the Italian parliament from Kyiv on Tuesday.", {"visit"}),
        ("Zelensky addressed the Japanese parliament virtually on Wednesday.", {"visit"}),
        ("Zelensky addressed the Dutch parliament in a video message on Thursday.", {"visit"}),
        ("Zelensky asked to address the Hungarian parliament, but Budapest refused.", {"visit"}),
        ("The State Department addressed a letter to the Iraqi parliament on Monday.", {"visit"}),
        ("Kenya sent a delegation to the Chinese embassy in Nairobi.", {"visit"}),
        ("Kenya sent a letter to the Ugandan president.", {"visit"}),
        ("Kenya sent its ambassador to the talks in Geneva.", {"visit"}),
        ("Kenya sent rifles, cash and army advisers to Somalia.", {"visit"}),
        ("The EU sent a delegation to the Ukraine Recovery Conference in London.", {"visit"}),
        ("At the Russia-Ukraine Peace Conference in Geneva, diplomats discussed a ceasefire.", {"meeting", "visit"}),
        ("Kenya and Uganda signed a trade pact. Uganda threatened to withdraw from the agreement.", {"rejection"}),
    ],
)
def test_relations_the_second_reviews_wrong_rows_stay_out(parse, text, absent_types):
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] in absent_types}, got


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister attended the forum at the Grand Hotel in Accra.",
        "The Kenyan foreign minister attends the summit at the Convention Centre in Accra on Monday.",
    ],
)
def test_relations_a_gathering_at_a_building_in_a_city_is_a_visit_to_its_state(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert {k for k in got if k[:3] == ("KEN", "GHA", "visit")}, got


def test_relations_a_gathering_attended_at_someones_invitation_is_placed_nowhere(parse):
    got = keys(parse("Kenyan President Ruto attended the summit at the invitation of Ghana.", "2024-05-10"))
    assert not {k for k in got if k[2] == "visit"}, got


def test_relations_a_second_object_the_parser_joins_to_the_first_ones_place_is_met_too(parse):
    text = "Ruto will meet Ugandan President Museveni in Kampala and Tanzanian President Hassan in Dodoma on Monday."
    got = keys(parse(text, "2024-05-10"))
    assert {("KEN", "UGA", "meeting", "planned"), ("KEN", "TZA", "meeting", "planned")} <= got, got


def test_relations_an_invitation_to_attend_a_gathering_abroad_is_no_visit(parse):
    got = keys(parse("The Kenyan president was invited to attend the annual forum in Davos.", "2024-05-10"))
    assert not {k for k in got if k[2] == "visit"}, got


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a leader named bare is an official as much as "the Ugandan president"
        ("Ruto welcomed Museveni in Nairobi on Friday.", "2024-05-10", ("UGA", "KEN", "visit", "occurred")),
        (
            "Kenyan President William Ruto welcomed Museveni on Friday.",
            "2024-05-10",
            ("KEN", "UGA", "meeting", "occurred"),
        ),
        # "the pope", once the article has named him, is the Holy See's head of state
        (
            "Pope Francis landed in Nairobi on Wednesday. Kenyan President Uhuru Kenyatta greeted the pope at the airport.",
            "2015-11-25",
            ("KEN", "VAT", "meeting", "occurred"),
        ),
    ],
)
def test_relations_a_leader_by_name_or_by_a_description_the_article_resolves_is_received(
    parse, text, published, expected
):
    assert expected in keys(parse(text, published))


@pytest.mark.parametrize(
    "text",
    [
        # "at the start of their meeting" placed the meeting in the state "their" resolved to: a visit the wrong way
        "Ghanaian President Akufo-Addo told Kenyan President Ruto at the very start of their meeting at Jubilee Hall that trade must grow.",
        "Ghanaian President Akufo-Addo told Kenyan President Ruto at the very end of their meeting at Jubilee Hall that trade must grow.",
    ],
)
def test_relations_the_start_of_a_meeting_is_no_place_of_its_parties(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert ("GHA", "KEN", "meeting", "occurred") in got
    assert not {k for k in got if k[2] == "visit"}, got


def test_relations_ones_remarks_are_no_place(parse):
    # "his" names the guest the article spoke of last: the host's telling became a visit to the guest's state
    text = (
        "Ruto landed in Accra on Thursday. He was greeted by officials. "
        "In his opening remarks, Akufo-Addo told Ruto that trade must grow."
    )
    got = keys(parse(text, "2024-05-10"))
    assert ("KEN", "GHA", "visit", "occurred") in got
    assert not {k for k in got if k[:3] == ("GHA", "KEN", "visit")}, got


def test_relations_documents_signed_with_a_state_are_an_agreement(parse):
    got = keys(parse("Kenya signed eleven documents with China on trade and health on Monday.", "2024-05-10"))
    assert ("CHN", "KEN", "agreement", "occurred") in got, got
    # a document one side signs alone (an order, a decree) is none
    got = keys(parse("The Kenyan president signed a document ordering new tariffs on Chinese steel.", "2024-05-10"))
    assert not {k for k in got if k[2] == "agreement"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ethiopia's blockade of Eritrea's ports lasted for months.", ("ETH", "ERI", "attack", "occurred")),
        ("Eritrea blockaded Ethiopian ships in the Red Sea.", ("ERI", "ETH", "attack", "occurred")),
    ],
)
def test_relations_a_blockade_of_a_states_ports_is_an_attack(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text",
    [
        # an export ban called a blockade is a sanction's business, not an armed act
        "Japan is enforcing a microchip blockade on China.",
        # nor one of a country at large, as often an embargo
        "The Kenyan blockade of Somalia has caused shortages.",
    ],
)
def test_relations_a_blockade_of_no_port_or_shipping_is_no_attack(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] == "attack"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia supplied military equipment to Kenya.", ("RUS", "KEN", "military_aid", "occurred")),
        ("Russia has long supplied most of Kenya's military equipment.", ("RUS", "KEN", "military_aid", "occurred")),
    ],
)
def test_relations_equipment_made_military_by_its_modifier_is_military_aid(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


def test_relations_a_military_response_given_is_no_aid(parse):
    # "given the likely military response of X": a participle, and a response is no goods
    text = "A strike by Kenya is unlikely given the likely military response of Uganda."
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] == "military_aid"}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia supplied Kenya with weapons.", ("RUS", "KEN", "military_aid", "occurred")),
        ("Iran has provided Sudan with drones.", ("IRN", "SDN", "military_aid", "occurred")),
        ("Japan provided Kenya with loans for the railway.", ("JPN", "KEN", "economic_aid", "occurred")),
    ],
)
def test_relations_goods_given_in_a_with_phrase_are_aid_to_the_object(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, absent",
    [
        # the end of a deed is no part of a gathering whose doer the of-phrase names (event_parts stayed as it was)
        ("Turkey welcomed the end of the bombing of Gaza.", "attack"),
        # a blockade lifted or eased is one undone
        ("Russia lifted its blockade of Ukraine's ports in July.", "attack"),
        ("Israel eased its naval blockade of Gaza last week.", "attack"),
        # of a state's shipping: as often an embargo
        ("Lithuania's blockade of Russian shipping to Kaliningrad angered Moscow.", "attack"),
        # "military" must modify the goods themselves
        ("Japan sent money and military advice to Kenya.", "military_aid"),
        ("Russia supplied Syria's army with medical supplies.", "military_aid"),
        # a with-phrase names goods only where the receiver is the object
        ("The United States supplied Nigeria with drone footage.", "military_aid"),
        ("Russia sent troops to Belarus with tanks for the exercise.", "military_aid"),
        # a document is an agreement only when signed
        ("North Korea forged documents with Chinese stamps.", "agreement"),
        # greeting is a meeting only between officials
        ("Chinese state media greeted Biden with scorn.", "meeting"),
    ],
)
def test_relations_the_thirteenth_sessions_review_findings_stay_mended(parse, text, absent):
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] == absent}, got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Pope Francis will open a school in Nairobi. Francis will become the second pope to visit Kenya.",
            ("VAT", "KEN", "visit", "planned"),
        ),
        ("Ruto became the first Kenyan leader to visit Fiji.", ("KEN", "FJI", "visit", "occurred")),
        ("Malawi was the first state to sign the pact with Zambia.", ("MWI", "ZMB", "agreement", "occurred")),
    ],
)
def test_relations_the_first_to_act_named_by_a_copula_is_the_one_who_acts(parse, text, expected):
    # The parser makes "to visit" a relative clause on "pope": the doer is the copula's subject
    assert expected in keys(parse(text, "2024-05-10"))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenya's President William Ruto met with Xi Jinping, the Chinese leader, in Beijing.",
            ("KEN", "CHN", "visit"),
        ),
        ("A Kenyan delegation will meet Ugandan officials in Kampala next week.", ("KEN", "UGA", "visit")),
    ],
)
def test_relations_a_meeting_placed_on_its_partner_is_a_visit_to_the_place(parse, text, expected):
    # The parser hangs "in Beijing" on the partner met, not on the verb
    assert expected in {k[:3] for k in keys(parse(text, "2024-05-10"))}


@pytest.mark.parametrize(
    "text",
    [
        "Ruto told reporters that he and Museveni discussed the situation in Somalia on Monday.",
        "The Kenyan envoy met Ugandan traders in Nairobi.",
    ],
)
def test_relations_a_topic_or_people_met_somewhere_make_no_visit(parse, text):
    got = keys(parse(text, "2024-05-10"))
    assert not {k for k in got if k[2] == "visit"}, got


def test_relations_states_that_agree_together_are_each_party_with_each_other(parse):
    text = "In May, Kenya, Uganda, Rwanda and Burundi agreed to set up a joint border police centre."
    got = {k[:3] for k in keys(parse(text, "2024-06-10"))}
    pairs = {("BDI", "KEN"), ("KEN", "RWA"), ("KEN", "UGA"), ("BDI", "RWA"), ("BDI", "UGA"), ("RWA", "UGA")}
    assert {(a, b, "agreement") for a, b in pairs} <= got, got


def test_relations_a_bloc_agreeing_with_its_partners_is_the_bloc_with_each(parse):
    text = "ASEAN -- along with Kenya, Uganda, and Rwanda -- agreed to work together on a regional power grid."
    got = {k[:3] for k in keys(parse(text, "2024-06-10"))}
    assert not {k for k in got if k[2] == "agreement" and "ASEAN" not in k[:2]}, got


@pytest.mark.parametrize(
    "text, expected, wrong",
    [
        ("The EU sanctioned Russia over its invasion of Ukraine.", ("RUS", "UKR", "attack"), ("EU", "UKR", "attack")),
        ("Japan criticised China for its support of Russia.", ("CHN", "RUS", "support"), ("JPN", "RUS", "support")),
        (
            "The US thanked Kenya for its aid to Somalia.",
            ("KEN", "SOM", "economic_aid"),
            ("USA", "SOM", "economic_aid"),
        ),
    ],
)
def test_relations_what_a_verb_holds_its_object_to_account_for_is_the_objects_deed(parse, text, expected, wrong):
    got = {k[:3] for k in keys(parse(text, "2024-05-10"))}
    assert expected in got and wrong not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia provides aid to the Syrian army.", ("RUS", "SYR", "military_aid")),
        ("Russia renders assistance to the armed forces of Syria.", ("RUS", "SYR", "military_aid")),
        ("The EU will contribute $100 million to an African Union force in Sudan.", ("EU", "AU", "economic_aid")),
        ("Japan gave aid to Kenya.", ("JPN", "KEN", "economic_aid")),
    ],
)
def test_relations_aid_to_a_states_armed_forces_is_military_aid_unless_money(parse, text, expected):
    assert expected in {k[:3] for k in keys(parse(text, "2024-05-10"))}


@pytest.mark.parametrize(
    "text",
    [
        "Chinese President Xi Jinping met visiting Kenyan President William Ruto in Beijing.",
        "Xi received visiting Kenyan President William Ruto.",
        "Xi held talks with visiting Kenyan President William Ruto.",
        "Xi met the visiting Kenyan president.",
    ],
)
def test_relations_the_one_visiting_is_the_hosts_guest(parse, text):
    got = {k[:3] for k in keys(parse(text, "2024-05-10"))}
    assert {("KEN", "CHN", "visit"), ("CHN", "KEN", "meeting")} <= got and ("CHN", "KEN", "visit") not in got, got


@pytest.mark.parametrize(
    "text",
    [
        # the invitee of an invitation noun: whom it is addressed to, or whoever accepts it; never the inviter
        "Kenyan President Ruto extended an invitation to Ghanaian President Akufo-Addo to visit Kenya.",
        "Ghanaian President Akufo-Addo accepted an invitation from Ruto to visit Kenya.",
        "Ghanaian President Akufo-Addo accepted Kenyan President Ruto's invitation to visit Kenya.",
        # a title with an of-phrase is that state's office holder, not the last one of that title told
        "Kenyan President Ruto invited the President of Ghana to visit Kenya.",
        "Kenya renewed its invitation to the President of Ghana to visit Nairobi.",
    ],
)
def test_relations_an_invitation_to_visit_is_the_invitees_planned_visit(parse, text):
    assert rules_keys(parse(text, "2024-06-01"), "visit") == {("GHA", "KEN", "visit", "planned")}


def test_relations_a_member_meeting_its_own_bloc_meets_no_party(parse):
    # a forum of member states (bloc_members.csv) is no party to its own members' meetings
    text = "On Monday Philippine President Ferdinand Marcos Jr. held a meeting with his ASEAN counterparts."
    assert not rules_keys(parse(text, "2024-09-05"), "meeting")
    assert not rules_keys(parse("Kishida held talks with his G7 counterparts on Monday.", "2024-09-05"), "meeting")
    # a non-member meets the bloc; the EU, whose officials meet its members, stays a party
    got = rules_keys(parse("Kenyan President Ruto held talks with ASEAN leaders on Monday.", "2024-09-05"), "meeting")
    assert got == {("ASEAN", "KEN", "meeting", "occurred")}
    got = rules_keys(parse("Cameron held talks with European Union leaders on Tuesday.", "2016-06-28"), "meeting")
    assert got == {("EU", "GBR", "meeting", "occurred")}
    # membership by year: Indonesia met BRICS as a guest before it joined in 2025
    text = "The Indonesian president held talks with BRICS leaders on Thursday."
    assert rules_keys(parse(text, "2023-08-24"), "meeting") == {("BRICS", "IDN", "meeting", "occurred")}
    assert not rules_keys(parse(text, "2025-07-07"), "meeting")


@pytest.mark.parametrize(
    "text, expected",
    [
        # an infinitive with a subject of its own, which the parser makes a complement clause, is still governed
        # by the verb of wanting or expecting above it
        ("Kenya wants the Ghanaian president to visit Togo.", ("GHA", "TGO", "visit", "planned")),
        (
            "Kenya expects the Ghanaian president to discuss trade with Togo's leader.",
            ("GHA", "TGO", "meeting", "planned"),
        ),
    ],
)
def test_relations_what_one_wants_another_to_do_is_planned(parse, text, expected):
    got = rules_keys(parse(text, "2024-01-09"), expected[2])
    assert got == {expected}


def test_relations_a_participle_joined_to_a_passive_is_passive_too(parse):
    # "had been harassed and attacked by X": the second participle has only the by-phrase; its object is the
    # first one's subject
    text = "Kenya said its patrol vessels were chased and attacked by Ghana."
    assert ("GHA", "KEN", "attack") in {k[:3] for k in rules_keys(parse(text, "2024-01-09"), "attack")}
    got = rules_keys(parse("Ugandan vessels were harassed and rammed by Rwandan ships.", "2024-01-09"), "attack")
    assert {k[:3] for k in got} == {("RWA", "UGA", "attack")}
    # a conjunct with an auxiliary of its own keeps its voice and shares the passive's subject, not its agent
    got = rules_keys(parse("Ghana was criticised by Kenya and has attacked Togo.", "2024-01-09"), "attack")
    assert {k[:3] for k in got} == {("GHA", "TGO", "attack")}
    # one with neither (the parser may read it as a past tense) keeps the shared agent
    text = "The rules were drafted by Kenya and negotiated with Ghana over six weeks."
    assert ("GHA", "KEN", "meeting") in {k[:3] for k in rules_keys(parse(text, "2024-01-09"), "meeting")}


def test_relations_a_visit_a_host_holds_for_its_guest_is_the_guests(parse):
    # "hosted X for a state visit": the host does not visit its guest
    text = "Kenyan President William Ruto hosted Ghana's president for a state visit on Tuesday."
    got = rules_keys(parse(text, "2024-05-10"), "visit")
    assert got == {("GHA", "KEN", "visit", "occurred")}
    # two guests hosted for one summit meet each other as well as the host
    text = "Next month Ruto will host the presidents of Ghana and Togo in Nairobi for a joint summit on trade."
    got = rules_keys(parse(text, "2024-05-10"), "meeting")
    assert ("GHA", "TGO", "meeting", "planned") in got or ("TGO", "GHA", "meeting", "planned") in got, got


def test_relations_a_subject_visiting_while_it_meets_is_no_guest(parse):
    text = "While visiting Nairobi, Wang Yi, the Chinese foreign minister, met Kenyan students."
    got = {k[:3] for k in keys(parse(text, "2024-05-10"))}
    assert ("KEN", "CHN", "visit") not in got, got


def test_relations_agreeing_to_meet_is_the_meeting_not_an_agreement(parse):
    got = {k[:3] for k in keys(parse("Ruto spoke with Museveni on Friday and they agreed to meet.", "2024-05-10"))}
    assert ("KEN", "UGA", "agreement") not in got and ("KEN", "UGA", "meeting") in got, got


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # the copula's subject only where the noun counts, and not over the noun's own state
        ("Hiroshi Tanaka was the first Japanese minister to visit Kenya in a decade.", ("JPN", "KEN", "visit"), None),
        ("Turkey is the ideal venue to host talks between Russia and Ukraine.", None, ("RUS", "TUR", "visit")),
        (
            "South Africa is the largest country to abstain on the vote to condemn Russia.",
            None,
            ("ZAF", "RUS", "criticism"),
        ),
        # a resident ambassador travels nowhere
        ("The Kenyan ambassador met Chinese Vice Premier Ding Xuexiang in Beijing.", None, ("KEN", "CHN", "visit")),
        # purpose, not account: the possessive stays the subject's
        ("Russia used Belarus for its invasion of Ukraine.", ("RUS", "UKR", "attack"), ("BLR", "UKR", "attack")),
        # aid of a stated kind, or to an army and others, stays economic
        ("The EU gives humanitarian assistance to the Sudanese army.", ("EU", "SDN", "economic_aid"), None),
        ("The US provided loans to the Egyptian military.", ("USA", "EGY", "economic_aid"), None),
        ("Turkey sent aid to the Somali army and to flood victims.", ("TUR", "SOM", "economic_aid"), None),
        # only officials are a state's guests; "held" alone may detain
        ("Ruto received visiting Chinese students at State House.", None, ("CHN", "KEN", "visit")),
        ("Museveni met a visiting Chinese business delegation in Entebbe.", None, ("CHN", "UGA", "visit")),
        ("Kenyan police held visiting Chinese journalists for questioning.", None, ("CHN", "KEN", "visit")),
        ("Ruto met the visiting Chinese foreign minister and the Japanese ambassador.", None, ("JPN", "KEN", "visit")),
        # only a bare meeting agreed is no agreement
        ("Kenya and Uganda agreed to meet the cost of the railway.", ("KEN", "UGA", "agreement"), None),
        ("Kenya and Uganda agreed to meet again and to reopen the border.", ("KEN", "UGA", "agreement"), None),
        ("Kenya agreed with Uganda to meet regularly.", ("KEN", "UGA", "agreement"), None),
    ],
)
def test_relations_the_fourteenth_sessions_review_findings_stay_mended(parse, text, present, absent):
    got = {k[:3] for k in keys(parse(text, "2024-06-01"))}
    assert present is None or present in got, got
    assert absent is None or absent not in got, got


def test_relations_states_agreeing_that_something_should_happen_are_not_all_paired(parse):
    text = "India, Brazil, South Africa and Egypt agreed that Russia should withdraw."
    got = {k[:3] for k in keys(parse(text, "2024-06-01"))}
    assert ("BRA", "EGY", "agreement") not in got, got


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a call is a meeting held at a distance: no one travels to where the partner is
        (
            "Ruto called Ugandan President Museveni in Kampala on Friday.",
            ("KEN", "UGA", "meeting"),
            ("KEN", "UGA", "visit"),
        ),
        ("Ruto met Ugandan President Museveni in Kampala on Friday.", ("KEN", "UGA", "visit"), None),
        # states agreeing to deal with a party named outside them agree nothing with each other
        (
            "Japan, South Korea, Australia and New Zealand agreed to share intelligence with NATO.",
            None,
            ("JPN", "KOR", "agreement"),
        ),
        # a means is no party: the three still agree together
        ("Kenya, Uganda and Tanzania agreed to build a railway with Chinese loans.", ("KEN", "UGA", "agreement"), None),
    ],
)
def test_relations_calls_take_no_one_abroad_and_a_joint_deal_with_a_third_party_pairs_no_party(
    parse, text, present, absent
):
    got = {k[:3] for k in keys(parse(text, "2024-06-01"))}
    assert present is None or present in got, got
    assert absent is None or absent not in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state said to host a summit is where its attendees travel, however the parser hangs "attended"
        (
            "Ghana hosted a summit on the Sahel on Sunday, attended by the leaders of Chad and Niger.",
            {("TCD", "GHA", "visit", "occurred"), ("NER", "GHA", "visit", "occurred")},
        ),
        (
            "The summit, hosted by Egypt, was attended by the presidents of Kenya and Chad.",
            {("KEN", "EGY", "visit", "occurred")},
        ),
        ("The Kenyan president attended a summit hosted by Ghana.", {("KEN", "GHA", "visit", "occurred")}),
        # and later sentences' "the summit" is held there too
        (
            "Ghana hosted a summit on Sunday. The summit was attended by the presidents of Chad and Niger.",
            {("TCD", "GHA", "visit", "occurred")},
        ),
    ],
)
def test_relations_the_host_of_a_summit_is_where_its_attendees_travel(parse, text, expected):
    assert expected <= keys(parse(text, "2024-03-12"))


def test_relations_a_summit_hosted_by_one_state_but_held_elsewhere_is_a_trip_there(parse):
    got = keys(
        parse("Egypt hosted a summit in Geneva on Sunday, attended by the leaders of Chad and Niger.", "2024-03-12")
    )
    assert ("TCD", "CHE", "visit", "occurred") in got
    assert ("TCD", "EGY", "visit", "occurred") not in got


def test_relations_would_attend_in_a_report_is_a_planned_trip_and_alone_a_hypothesis(parse):
    # reported, "would" is the future seen from the report; said in the writer's voice it is a conditional
    got = keys(
        parse("Ghana confirmed that the leaders of Chad and Niger would attend the summit in Accra.", "2024-03-12")
    )
    assert ("TCD", "GHA", "visit", "planned") in got
    got = keys(
        parse("The leaders of Chad and Niger would attend the summit in Accra if the fighting stopped.", "2024-03-12")
    )
    assert not {k for k in got if k[2] == "visit"}


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the parser hangs the first name on the verb, apart from the "A and B" that is its subject
        (
            "President Yoon Suk-yeol, Chinese Premier Li Qiang and Prime Minister Fumio Kishida of Japan met on Monday.",
            "2024-03-12",
            {("CHN", "JPN", "meeting"), ("JPN", "KOR", "meeting"), ("CHN", "KOR", "meeting")},
        ),
        # it hangs the last name (", and Premier Li") on the verb, apart from "between Mr. Kishida, President Yoon"
        (
            "There will be a three-way meeting on Friday between Mr. Kishida, President Yoon Suk-yeol of Korea,"
            " and Premier Li Qiang of China.",
            "2024-03-12",
            {("CHN", "JPN", "meeting"), ("JPN", "KOR", "meeting"), ("CHN", "KOR", "meeting")},
        ),
    ],
)
def test_relations_a_list_of_leaders_the_parser_splits_is_still_one_list(parse, text, published, expected):
    assert expected <= {k[:3] for k in keys(parse(text, published))}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the subject read as a conjunct, or an apposition, of the opening phrase's last name
        (
            "At the time of the row with Palau, Taiwan's deputy foreign minister Lin Wei-ming accused China of"
            " deliberately leaking the news.",
            ("TWN", "CHN", "accusation", "occurred"),
        ),
        (
            "At the height of the dispute with Manila, Vietnam's Deputy Foreign Minister Nguyen Minh Vu accused China"
            " of deliberately ramming the boats.",
            ("VNM", "CHN", "accusation", "occurred"),
        ),
    ],
)
def test_relations_a_subject_after_an_opening_phrase_is_the_verbs(parse, text, expected):
    assert expected in keys(parse(text, "2024-03-12"))


def test_relations_a_list_of_bodies_in_an_opening_phrase_is_no_subject(parse):
    # a list of sports bodies named for states, "A, B, C of India and D of Australia", before the clause: no
    # party of anything
    text = (
        "Through deals made with the Japan Rugby Union, Korean Chess League, China Go Association, Professional"
        " Darts Tour of India and PDC of Australia, the top players of those leagues will win places."
    )
    assert not keys(parse(text, "2024-03-12"))


def test_relations_talks_held_at_a_place_are_a_visit_there_but_not_talks_held_at_a_states_request(parse):
    # the place on the verb of holding talks is where the talks are held
    got = keys(parse("Ghana's president held private talks with Pope Francis at the Vatican.", "2016-05-10"))
    assert ("GHA", "VAT", "visit", "occurred") in got
    # whose request they answer is not where they are held
    got = keys(
        parse("The Kenyan foreign minister held talks with Nigerian officials at the request of Ghana.", "2016-05-10")
    )
    assert not {k for k in got if k[2] == "visit"}


def test_relations_a_deed_told_according_to_a_third_state_is_its_accusation(parse):
    got = keys(parse("Eritrea has supplied drones to Sudan, according to the United States.", "2024-11-05"))
    assert {("ERI", "SDN", "military_aid", "alleged"), ("USA", "ERI", "accusation", "occurred")} <= got
    # according to one of the parties: no accusation
    got = keys(parse("Eritrea has supplied drones to Sudan, according to Sudan's army.", "2024-11-05"))
    assert not {k for k in got if k[2] == "accusation"}


def test_relations_a_first_person_pronoun_in_a_quote_is_its_speaker(parse):
    # "I" is the official who says it, "we" their state
    got = keys(parse('"I shall fly to Ottawa in the spring," the Spanish prime minister told the press.', "2024-01-09"))
    assert ("ESP", "CAN", "visit", "planned") in got
    got = keys(
        parse('"We are going to ship more howitzers to Moldova," Romania\'s defence minister said.', "2024-01-09")
    )
    assert ("ROU", "MDA", "military_aid", "planned") in got
    # a speaker who acts for no state gives no actor; nor does a country whose name reads like a pronoun
    assert not keys(parse('"We will visit Ottawa in the spring," an economist at a Madrid bank said.', "2024-01-09"))
    assert not keys(parse('"I shall fly to Ottawa in the spring," she said.', "2024-01-09"))


def test_relations_a_harm_condemned_is_no_criticism_of_those_who_suffer_it(parse):
    # the victims' state is no target; the doer named by a modifier or a by-phrase is
    assert not keys(parse("Norway condemned the murder of three Kenyan aid workers.", "2024-01-09"))
    assert not keys(parse("Norway deplored the invasion of Georgia.", "2024-01-09"))
    got = keys(parse("Norway condemned the shelling of Georgian villages by Russian artillery.", "2024-01-09"))
    assert ("NOR", "RUS", "criticism", "occurred") in got and ("NOR", "GEO", "criticism", "occurred") not in got
    assert ("NOR", "RUS", "criticism", "occurred") in keys(
        parse("Norway condemned Russia's invasion of Georgia.", "2024-01-09")
    )
    # a seizure or an intercept defended backs no one who suffered it
    assert not keys(parse("Norway defended the seizure of Kenyan sailors.", "2024-01-09"))
    assert not keys(parse("Norway defends intercept of Swedish reconnaissance plane", "2024-01-09"))


def test_relations_the_government_named_alone_is_the_country_just_named(parse):
    text = (
        "Bolivia's opposition wants a recall vote this year. The government accused Paraguay of sheltering the rebels."
    )
    assert ("BOL", "PRY", "accusation", "occurred") in keys(parse(text, "2024-01-09"))
    # so are "the regime" and "the authorities"
    text = "Bolivia's opposition wants a recall vote this year. The regime accused Paraguay of sheltering the rebels."
    assert ("BOL", "PRY", "accusation", "occurred") in keys(parse(text, "2024-01-09"))
    # unless its of-phrase names it
    text = "Bolivia's opposition wants a recall vote. The government of Peru accused Paraguay of sheltering rebels."
    got = keys(parse(text, "2024-01-09"))
    assert ("PER", "PRY", "accusation", "occurred") in got and ("BOL", "PRY", "accusation", "occurred") not in got


def test_relations_an_object_put_after_what_it_is_called_is_the_object(parse):
    # "condemned as unfair a resolution": the parser hangs the object on "as" or on the adjective
    got = keys(parse("Hanoi denounced as reckless the naval drills held by Manila and Tokyo.", "2024-01-09"))
    assert {("VNM", "PHL", "criticism", "occurred"), ("VNM", "JPN", "criticism", "occurred")} <= got
    got = keys(parse('Ghana has rejected as "unjust" a new EU resolution calling on Accra to act.', "2024-01-09"))
    assert ("GHA", "EU", "rejection", "occurred") in got or ("GHA", "EU", "criticism", "occurred") in got


def test_relations_refusing_to_act_toward_a_state_rejects_it_but_not_refusing_a_hostile_act(parse):
    # whom the refused infinitive acts on is the rejection's target
    got = keys(parse("Ottawa refused to give Kyiv the long-range rockets it asked for.", "2024-01-09"))
    assert ("CAN", "UKR", "rejection", "occurred") in got
    got = keys(parse("Chile's refusal to meet with President Lula of Brazil caused a stir.", "2024-01-09"))
    assert ("CHL", "BRA", "rejection", "occurred") in got
    # declining to meet an official named by his state's adjective; a decline in numbers is nothing
    assert ("CHL", "PER", "rejection", "occurred") in keys(
        parse("Chile declined to meet the Peruvian president.", "2024-01-09")
    )
    assert not keys(parse("Chile's copper exports to Peru declined by 5 percent.", "2024-01-09"))
    # refusing to condemn or attack a state is no rejection of it; a thing named for another state is no target
    assert not keys(parse("India refuses to condemn Russia over the war.", "2024-01-09"))
    assert not keys(parse("Norway refused to invoke Article 7 of the EU's founding treaty.", "2024-01-09"))


def test_relations_condemning_a_state_for_a_deed_accuses_it_but_not_for_a_quality(parse):
    # the annotation guide's note 13: condemnation that names a deed is an accusation, criticism beside it
    got = keys(parse("Kenya condemned Uganda for shelling its border posts.", "2024-01-09"))
    assert {("KEN", "UGA", "accusation", "occurred"), ("KEN", "UGA", "criticism", "occurred")} <= got
    got = keys(parse("The United Nations has faulted Peru for what it calls a clampdown on reporters.", "2024-01-09"))
    assert ("UN", "PER", "accusation", "occurred") in got
    got = keys(parse("Brazil condemned Bolivia for the attack on its embassy.", "2024-01-09"))
    assert ("BRA", "BOL", "accusation", "occurred") in got
    # a record or a quality is no deed; praise for a deed accuses no one
    for text in (
        "Kenya criticised Peru for its human rights record.",
        "Kenya criticised the Peruvian envoy for being biased.",
        "Japan praised Kenya for hosting the talks.",
    ):
        assert not {k for k in keys(parse(text, "2024-01-09")) if k[2] == "accusation"}, text


def test_relations_judging_a_states_own_named_deed_accuses_it_but_not_its_record(parse):
    # the deed as the judged object's possessed noun: a condemnation or a concern that names it accuses its doer
    for text in (
        "Kenya condemned Uganda's shelling of Rwandan territory.",
        "Kenya was deeply concerned about Uganda's continued bombing of civilian targets.",
        "Kenya raised concerns about Uganda's support for Rwanda's army.",
        "Kenya condemned Uganda's violation of the ceasefire.",
    ):
        got = rules_keys(parse(text, "2024-01-09"), "accusation", "criticism")
        assert {("KEN", "UGA", "accusation", "occurred"), ("KEN", "UGA", "criticism", "occurred")} <= got, text
    # a record, a policy or vague "actions" is no deed: criticism only
    for text in (
        "Kenya criticised Uganda's human rights record.",
        "Kenya is concerned about Uganda's actions in the region.",
        "Kenya condemned Uganda's trade policy.",
    ):
        got = rules_keys(parse(text, "2024-01-09"), "accusation", "criticism")
        assert got == {("KEN", "UGA", "criticism", "occurred")}, text


def test_relations_shelling_is_an_attack_on_the_state_shelled(parse):
    # (the noun only: the small parser often tags "shelling" after a demonym as a verb, which this does not reach)
    got = rules_keys(parse("Uganda's shelling of Rwanda continued on Monday.", "2024-01-09"), "attack")
    assert got == {("UGA", "RWA", "attack", "occurred")}


def test_relations_the_one_rebuked_for_a_deed_is_its_doer(parse):
    # "upbraided X for supporting Y": X supports (object control), as with "criticised X for"
    got = keys(parse("Turkey upbraided the United States for supporting Iraq.", "2024-01-09"))
    assert ("USA", "IRQ", "support", "occurred") in got and ("TUR", "IRQ", "support", "occurred") not in got


def test_relations_a_subject_the_parser_hangs_on_the_auxiliary_is_the_verbs(parse):
    # an aside set off by a comma after "has": the parser makes the subject the auxiliary's
    got = keys(parse("Longtime ally Norway has meanwhile, upbraided Canada for backing Iraq.", "2024-01-09"))
    assert ("NOR", "CAN", "criticism", "occurred") in got
    # not a verb the parser calls an auxiliary, which carries the negation ("doesn't feel compelled to")
    text = "Peru plainly doesn't feel obliged to reach a deal with Chile on fishing."
    assert not {k for k in keys(parse(text, "2024-01-09")) if k[2] == "agreement"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Later the US trade secretary will proceed to Laos to talk about ports.", ("USA", "LAO")),
        ("The Kenyan president jetted off to Peru on Monday.", ("KEN", "PER")),
        ("Kenya's president made a brief stopover in Dubai on his way to London.", ("KEN", "ARE")),
        ("On the way back we will be stopping in Belize, the US defense secretary said.", ("USA", "BLZ")),
    ],
)
def test_relations_proceeding_jetting_or_stopping_somewhere_is_a_visit(parse, text, expected):
    assert expected in {(k[0], k[1]) for k in keys(parse(text, "2024-01-09")) if k[2] == "visit"}


def test_relations_stopping_something_in_a_place_is_no_visit(parse):
    text = "The Kenyan foreign minister made efforts to stop the rise in violence in Uganda."
    assert not {k for k in keys(parse(text, "2024-01-09")) if k[2] == "visit"}


def test_relations_states_engaged_in_talks_meet(parse):
    # a passive of taking part: its subject holds the talks
    got = keys(parse("Kenya and China are engaged in negotiations over a trade pact.", "2024-01-09"))
    assert ("CHN", "KEN", "meeting", "occurred") in got
    got = keys(parse("Kenya is engaged in talks with China.", "2024-01-09"))
    assert ("CHN", "KEN", "meeting", "occurred") in got


def test_relations_the_two_countries_are_two_states_not_a_bloc_named_more_often(parse):
    text = (
        "BRICS leaders met in Kazan. BRICS has grown. BRICS wants a new currency. Thailand's former leader was on"
        " good terms with Russian President Vladimir Putin. In the Thai leader's time, the two countries agreed in 2003"
        " to waive visas."
    )
    got = keys(parse(text, "2024-10-25"))
    assert ("RUS", "THA", "agreement", "occurred") in got
    assert not {k for k in got if "BRICS" in k[:2]}
    # "the two sides" may still be a bloc and a state
    text = (
        "ASEAN leaders met China's premier. ASEAN wants a code of conduct. The two sides agreed to speed up the talks."
    )
    assert ("ASEAN", "CHN", "agreement", "occurred") in keys(parse(text, "2024-10-25"))


def test_relations_a_courtesy_call_or_a_meal_hosted_for_an_official_is_a_meeting(parse):
    got = keys(parse("The Kenyan president paid a courtesy call on President Museveni in Kampala.", "2024-01-09"))
    assert {("KEN", "UGA", "meeting", "occurred"), ("KEN", "UGA", "visit", "occurred")} <= got
    got = keys(parse("Macron will host a lunch for the Thai prime minister in Paris on Thursday.", "2024-01-09"))
    assert ("FRA", "THA", "meeting", "planned") in got
    # a phone call takes no one anywhere; a dinner firms host is no state's meeting; a call on a state to act
    # is no meeting
    got = keys(parse("The Kenyan president held a phone call with the Ugandan leader in Kampala.", "2024-01-09"))
    assert ("KEN", "UGA", "meeting", "occurred") in got and not {k for k in got if k[2] == "visit"}
    assert not keys(parse("Chinese firms hosted a dinner for Kenyan investors.", "2024-01-09"))
    got = keys(parse("Kenya's call on Uganda to withdraw its troops was ignored.", "2024-01-09"))
    assert not {k for k in got if k[2] == "meeting"}


def test_relations_objections_voiced_to_a_states_plan_criticise_it(parse):
    got = keys(parse("Peru has voiced objections to Chile's proposal.", "2024-01-09"))
    assert ("PER", "CHL", "criticism", "occurred") in got
    assert ("KEN", "UGA", "criticism", "occurred") in keys(
        parse("Kenya's objections to the Ugandan plan were ignored.", "2024-01-09")
    )
    # none raised is none; farmers' objections are not their state's
    assert not keys(parse("Peru raised no objection to Chile's proposal.", "2024-01-09"))
    assert not keys(parse("The objections of Kenyan farmers to the Ugandan plan were ignored.", "2024-01-09"))


def test_relations_support_for_a_states_armed_forces_is_military_aid_unless_only_voiced(parse):
    got = keys(parse("China's support for Russia's military has grown.", "2024-01-09"))
    assert ("CHN", "RUS", "military_aid", "occurred") in got
    # said, not given: a stance; for a state, or for its army and its people: support
    assert ("KEN", "UGA", "support", "occurred") in keys(
        parse("Kenya voiced support for the Ugandan army.", "2024-01-09")
    )
    assert ("KEN", "UGA", "support", "occurred") in keys(parse("Kenya's support for Uganda has grown.", "2024-01-09"))


def test_relations_refusing_to_give_something_to_a_state_rejects_it(parse):
    # whom the refused infinitive's to-phrase names, as its with-phrase and object already did
    assert ("CHL", "PER", "rejection", "occurred") in keys(
        parse("Chile refused to pay compensation to Peru.", "2024-01-09")
    )
    # not a place or a pressure one refuses to yield to
    assert not keys(parse("Chile refused to return to the talks in Lima.", "2024-01-09"))
    assert not keys(parse("Chile refused to bow to pressure from Washington.", "2024-01-09"))


def test_relations_a_prisoner_swap_between_states_is_a_deal_but_not_a_swap_of_views(parse):
    got = keys(parse("Kenya and Uganda completed a prisoner exchange on Monday.", "2024-06-01"))
    assert ("KEN", "UGA", "agreement", "occurred") in got
    got = keys(parse("Russia and Ukraine carried out a swap of prisoners of war.", "2024-06-01"))
    assert ("RUS", "UKR", "agreement", "occurred") in got
    assert not keys(parse("Kenya held an exchange of views with Uganda.", "2024-06-01"))


@pytest.mark.parametrize(
    ("text", "deed"),
    [
        # the guide's own example: the accused deed is alleged, not done
        ("Seoul accused Pyongyang of shipping artillery shells to Russia.", ("PRK", "RUS", "military_aid")),
        ("Japan is suspected of supplying missiles to Taiwan.", ("JPN", "TWN", "military_aid")),
        # and so is what a claim says, however the claim is answered
        ("Hanoi rejected claims that Vietnamese warships rammed a Chinese navy ship.", ("VNM", "CHN", "attack")),
    ],
)
def test_a_deed_accused_or_claimed_is_alleged(parse, text, deed):
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    got = {(r["source_actor"], r["target_actor"], r["relation_type"]): r["status"] for r in rows}
    assert got.get(deed) == "alleged"


def test_a_denial_of_a_named_accusers_claim_implies_the_accusation(parse):
    text = "Hanoi dismissed Chinese claims that Vietnamese warships rammed a Chinese navy ship."
    rows = extract_all(parse(text, "2024-03-12"), learned=False)[0]["relations"]
    assert ("CHN", "VNM", "accusation") in {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in rows}


def test_an_idea_dismissed_is_no_claim_and_tells_no_deed(parse):
    rows = extract_all(parse("Analysts dismissed the idea that China would supply arms to Russia.", "2024-03-12"))
    assert not [r for r in rows[0]["relations"] if r["relation_type"] == "military_aid"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parser calls the subject of "has also heavily invested" passive; with no "be" it is the doer
        (
            "Japan has also heavily invested in Kenya's infrastructure, including ports and highways.",
            ("JPN", "KEN", "economic_cooperation", "occurred"),
        ),
    ],
)
def test_relations_a_perfect_without_be_is_active(parse, text, expected):
    assert expected in keys(parse(text))


def test_relations_a_true_passive_keeps_its_doer_in_the_by_phrase(parse):
    found = keys(parse("Kenya's new port has been financed by Japan."))
    assert not any(k[0] == "KEN" for k in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a warning off a deed both threatens and criticises whoever is warned (the annotated corpus has both)
        ("Nigeria has warned Ghana against meddling in the border dispute.", ("NGA", "GHA", "criticism", "occurred")),
        ("Nigeria has warned Ghana against meddling in the border dispute.", ("NGA", "GHA", "threat", "occurred")),
        ("Kenya warned against Uganda's interference in the election.", ("KEN", "UGA", "criticism", "occurred")),
    ],
)
def test_relations_a_warning_off_a_deed_criticises_the_warned(parse, text, expected):
    assert expected in keys(parse(text))


def test_relations_on_the_leg_of_a_trip_the_subject_travels(parse):
    found = keys(parse("The Chinese premier, Li Qiang, is on the last leg of a tour that has included Fiji and Samoa."))
    assert {("CHN", "FJI", "visit", "occurred"), ("CHN", "WSM", "visit", "occurred")} <= found


def test_relations_a_named_official_read_as_an_object_predicate_is_the_object(parse):
    # the parser reads "called Afghan President Ashraf Ghani" as calling someone a name (oprd)
    found = keys(parse("Nawaz Sharif called Afghan President Ashraf Ghani on Monday.", "2016-01-21"))
    assert ("AFG", "PAK", "meeting", "occurred") in found


def test_relations_a_captions_present_tense_verb_tagged_as_a_noun_is_the_verb(parse):
    # the tagger reads "greets" as a plural noun with the name before it as a compound
    found = keys(
        parse("Kenyan President William Ruto greets Chinese President Xi Jinping during a meeting in Beijing.")
    )
    assert ("CHN", "KEN", "meeting", "occurred") in found


def test_relations_a_country_after_neighbouring_is_the_prepositions_object(parse):
    # the parser reads "neighboring" after "in" as a verb taking the country as its object, which hides the
    # country from every rule that reads a preposition's object ("a protest from neighbouring X")
    doc = parse("Libya is fighting rebel militias in neighboring Tunisia and Egypt.").sentences[0].doc
    tunisia = next(t for t in doc if t.text == "Tunisia")
    assert (tunisia.dep_, tunisia.head.text, doc[tunisia.i - 1].dep_) == ("pobj", "in", "amod")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya's president William Ruto shook hands with China's leader Xi Jinping on Monday.", True),
        # shaking anything else is no meeting
        ("The earthquake shook Kenya and Tanzania.", False),
    ],
)
def test_relations_a_handshake_with_someone_is_a_meeting(parse, text, expected):
    assert any(k[2] == "meeting" for k in keys(parse(text))) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one backer after a pair describes the one it follows; backers describe both
        (
            "The talks brought together Kenya and Ethiopia, Somalia's main backer.",
            {("ETH", "SOM", "support", "occurred")},
        ),
        (
            "The talks brought together Kenya and Ethiopia, Somalia's main backers.",
            {("KEN", "SOM", "support", "occurred"), ("ETH", "SOM", "support", "occurred")},
        ),
    ],
)
def test_relations_a_singular_apposition_after_a_pair_describes_the_last(parse, text, expected):
    assert {k for k in keys(parse(text)) if k[2] == "support"} == expected


def test_relations_a_rebutted_remark_makes_no_accusation_by_its_speaker(parse):
    text = "Ghana's foreign minister rebutted Kenyan President Ruto's comment that Ghana risked isolation."
    assert not any(k[2] == "accusation" and k[:2] == ("KEN", "GHA") for k in keys(parse(text, "2024-06-01")))


def test_relations_supporting_a_states_rebels_is_no_support_of_the_state(parse):
    found = keys(parse("Nigeria supports Togolese Ewe rebels."))
    assert not any(k[2] == "support" and k[1] == "TGO" for k in found)


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        (
            "Last week the Kenyan and Tanzanian navies held their first joint drills, amid long-running rows with "
            "each other and, more pointedly, with Somalia.",
            ("KEN", "TZA", "military_cooperation", "occurred"),
            ("KEN", "SOM", "military_cooperation", "occurred"),
        ),
    ],
)
def test_a_with_phrase_set_off_after_the_noun_names_no_partner_of_it(parse, text, expected, not_expected):
    got = keys(parse(text))
    assert expected in got and not_expected not in got, got


def test_a_with_phrase_set_off_by_for_example_still_names_the_partner(parse):
    text = "In bilateral talks, for example, with Kenya, Ugandan President Yoweri Museveni raised the border."
    assert ("KEN", "UGA", "meeting", "occurred") in keys(parse(text, "2024-05-02"))


def test_a_threatened_rejection_is_a_threat_not_a_rejection_made(parse):
    got = keys(parse("Kenya threatened to suspend its free trade agreement with Uganda."))
    assert ("KEN", "UGA", "threat", "occurred") in got and ("KEN", "UGA", "rejection", "occurred") not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya and Ghana issued a joint statement on Monday.", {("GHA", "KEN", "agreement", "occurred")}),
        ("Kenya and Ghana adopted a common declaration on migration.", {("GHA", "KEN", "agreement", "occurred")}),
        # one state's statement agrees with no one
        ("Kenya issued a statement on Ghana's election.", set()),
    ],
)
def test_a_document_put_out_jointly_is_an_agreement(parse, text, expected):
    assert {k for k in keys(parse(text)) if k[2] == "agreement"} == expected


def test_a_verb_of_intent_read_as_a_noun_after_a_plural_subject_still_plans(parse):
    # the tagger reads "plan" as a noun at the root here (pipeline._verb_of_intent)
    text = "At the meeting, Japan and Asean plan to adopt a joint declaration on Mutual Trust between the two sides."
    assert ("ASEAN", "JPN", "agreement", "planned") in keys(parse(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # "U.S.-Iranian", "U.S.-Mexico": a hyphen after an abbreviation's full stop splits before a name too, or
        # neither state is named
        (
            "A Canadian doctor released from a Tehran jail under a U.S.-Iranian prisoner exchange spoke on Friday.",
            ("IRN", "USA", "agreement", "occurred"),
        ),
        ("U.S.-Mexico talks on migration opened in Mexico City on Monday.", ("MEX", "USA", "meeting", "occurred")),
    ],
)
def test_relations_a_dotted_abbreviation_before_a_hyphen_and_a_name_is_split(parse, text, expected):
    assert expected in keys(parse(text, "2016-02-13"))


@pytest.mark.parametrize(
    "text",
    [
        "Last month Kenyan Foreign Minister Musalia Mudavadi paid a short visit to Accra and met with Chinese "
        "Foreign Minister Wang Yi.",
        "Kenyan Foreign Minister Musalia Mudavadi flew to Accra, where he met Chinese Foreign Minister Wang Yi.",
        "During a visit to Accra, Kenyan Foreign Minister Musalia Mudavadi met Chinese Foreign Minister Wang Yi.",
    ],
)
def test_relations_the_partner_of_a_meeting_a_visit_places_visits_too(parse, text):
    got = keys(parse(text, "2024-05-02"))
    assert {("KEN", "GHA", "visit", "occurred"), ("CHN", "GHA", "visit", "occurred")} <= got, got


def test_relations_a_meeting_with_the_host_makes_no_visit_of_the_host(parse):
    text = "Kenyan Foreign Minister Musalia Mudavadi flew to Accra, where he met Ghanaian President John Mahama."
    got = keys(parse(text, "2025-05-02"))
    assert ("KEN", "GHA", "visit", "occurred") in got and not {k for k in got if k[2] == "visit" and k[0] == "GHA"}


def test_relations_a_place_inside_the_partners_phrase_places_the_meeting(parse):
    # (the parser hangs "in Nairobi" on "from")
    text = "Kenyan Energy Minister Opiyo Wandayi spent two hours with oil ministers from Uganda, Rwanda and Burundi in "
    text += "Nairobi on Monday."
    got = keys(parse(text, "2024-05-02"))
    assert {("UGA", "KEN", "visit", "occurred"), ("RWA", "KEN", "visit", "occurred")} <= got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya has been supportive of Somalia's efforts to rebuild its army.", ("KEN", "SOM", "support", "occurred")),
        ("Ghana has long been supportive of the African Union.", ("GHA", "AU", "support", "occurred")),
    ],
)
def test_relations_being_supportive_of_someone_supports_them(parse, text, expected):
    assert expected in keys(parse(text, "2024-05-02"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whose concern or alarm it is, said by a demonym or a state's name on the noun, and whom it is about,
        # by one on the noun of its about- or over-phrase
        (
            "The minister repeated Norwegian concerns about Sudanese and Chadian militias.",
            {("NOR", "SDN", "criticism", "occurred"), ("NOR", "TCD", "criticism", "occurred")},
        ),
        ("Officials voiced Kenyan alarm over Ugandan troop movements.", {("KEN", "UGA", "criticism", "occurred")}),
        # a concern only named, with no one it is about, criticises no one
        ("Kenyan concerns about the harvest grew.", set()),
    ],
)
def test_relations_a_states_concern_about_anothers_deeds_by_their_modifiers(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "criticism") == expected


def test_relations_a_plurals_possessive_typed_with_a_curly_apostrophe_names_the_doer(parse):
    # read as a closing quote, "Hamas’" named no possessor and the attack fell to the sentence's subject
    got = extract_all(parse("Kenya took the blame for Hamas’ brutal attack on Israeli civilians.", "2024-03-12"))[0]
    assert not [r for r in got["relations"] if r["relation_type"] == "attack" and r["source_actor"] == "KEN"], got
    # the text the rows quote keeps the apostrophe as written
    art = parse("Kenya took the blame for Hamas’ brutal attack on Israeli civilians.", "2024-03-12")
    assert "Hamas’" in art.sentences[0].text and art.sentences[0].doc.text.startswith("Kenya took")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before a capital the sign is a possessive too: the trip is the pope's
        (
            "The Vatican released the itinerary for Pope Francis’ Sept. 2-13 trip to Kenya and Ghana.",
            {("VAT", "KEN", "visit", "planned"), ("VAT", "GHA", "visit", "planned")},
        ),
    ],
)
def test_relations_a_curly_possessive_before_a_capital_names_the_owner(parse, text, expected):
    assert rules_keys(parse(text, "2024-08-10"), "visit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the pair hangs on the possessor that names those who meet by office
        ("The Kenya-Ghana foreign ministers' meeting was held on Monday.", {("GHA", "KEN", "meeting", "occurred")}),
        ("The Kenya-Ghana Leaders’ Summit was held on Monday.", {("GHA", "KEN", "meeting", "occurred")}),
        # one side's office holders and a with-partner: as before
        ("The Kenyan ministers' talks with Ghana ended on Monday.", {("GHA", "KEN", "meeting", "occurred")}),
        # a body's own ministers' meeting names no pair
        ("The G7 foreign ministers' meeting was held on Monday.", set()),
    ],
)
def test_relations_a_pair_on_the_office_holders_possessing_a_meeting_are_its_parties(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "meeting") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya held discussions with Ghana on Monday.", {("GHA", "KEN", "meeting", "occurred")}),
        ("Discussions between Kenya and Ghana will resume next week.", {("GHA", "KEN", "meeting", "planned")}),
        ("Ruto convened with the leaders of Ghana last year.", {("GHA", "KEN", "meeting", "occurred")}),
        # a topic is no partner; a group convening names no pair (a bloc's members are not its partners)
        ("Kenya joined discussions on climate finance.", set()),
        ("Leaders of the African Union, Ruto among them, convened in Accra.", set()),
        ("Leaders from the Brics nations, Putin, Modi and Xi, convened to advance discussions on trade.", set()),
    ],
)
def test_relations_discussions_and_convening_with_a_partner_are_meetings(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "meeting") == expected


def test_relations_a_curly_sign_closing_a_single_quote_stays_a_quote(parse):
    from relata.extractors.pipeline import _plain_possessives

    assert _plain_possessives("Kenya’s ‘Nervous’ Ghana fans") == "Kenya’s ‘Nervous’ Ghana fans"
    assert _plain_possessives("Francis’ Sept. trip") == "Francis' Sept. trip"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # beside the body that meets, a capital compounded on the summit is where it meets, no party
        ("Leaders praised the outcome of the G20 Nairobi Summit.", set()),
        # two capitals joined are the two parties
        ("The Nairobi-Accra talks resumed on Monday.", {("GHA", "KEN", "meeting", "occurred")}),
    ],
)
def test_relations_a_capital_beside_a_body_on_a_summit_is_its_venue(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "meeting") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks held at a body's seat take no one to the state it sits in (guide note 5)
        ("The new round of negotiations at the United Nations in Nairobi is hosted by Ghana and Togo.", set()),
        ("Ghana and Togo held talks at the African Union in Addis Ababa.", set()),
        # talks in a city do
        (
            "Ghana and Togo held talks in Nairobi.",
            {("GHA", "KEN", "visit", "occurred"), ("TGO", "KEN", "visit", "occurred")},
        ),
    ],
)
def test_relations_talks_at_a_bodys_seat_are_no_visit_to_its_host(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "visit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # goods said to be sold at unfairly low prices accuse their state, by whoever says it
        (
            "Kenya's trade ministry said Ugandan sugar is offered at unfairly low prices.",
            {("KEN", "UGA", "accusation", "occurred")},
        ),
        ("Ghana said Togolese cement is sold at artificially low prices.", {("GHA", "TGO", "accusation", "occurred")}),
        # a low price alone is no wrong
        ("Ghana said Togolese cement is sold at low prices.", set()),
    ],
)
def test_relations_goods_said_sold_at_unfair_prices_accuse_their_state(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "accusation") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a sum in a currency the small model does not tag as money is money given all the same
        "Germany pledged 3 billion euros to Kenya.",
        "China gave 500 million yuan to Kenya.",
    ],
)
def test_relations_a_sum_named_by_its_currency_given_is_aid(parse, text):
    assert {(target, kind) for _, target, kind, _ in rules_keys(parse(text, "2024-03-12"))} == {("KEN", "economic_aid")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the help of a state's warplanes or drones is its military aid to whoever it helps
        ("Kenya won the battle with the help of Ugandan drones.", {("UGA", "KEN", "military_aid", "occurred")}),
        # the help of a state's people is no aid
        ("Kenya won the election with the help of Ugandan friends.", set()),
        # a vessel a navy sells is arms
        ("A used patrol vessel was sold to Ghana by the Kenyan navy.", {("KEN", "GHA", "military_aid", "occurred")}),
    ],
)
def test_relations_the_help_of_a_states_arms_or_a_vessel_sold_is_military_aid(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12")) == expected


def test_relations_a_relative_clause_hung_on_a_date_is_on_the_noun_before_it(parse):
    # the parser hangs ", which ... rejected" on "2023"; what was rejected is the proposal, Ghana's
    text = "Officials said a Ghanaian proposal made in 2023, which Kenya rejected, could still succeed."
    assert ("KEN", "GHA", "rejection", "occurred") in rules_keys(parse(text, "2024-03-12"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ties praised or hailed praise the other side of them
        (
            "Ruto praised the long and close relationship between Ghana and Kenya.",
            {("KEN", "GHA", "praise", "occurred")},
        ),
        ("Kenyan President William Ruto hailed relations with Accra.", {("KEN", "GHA", "praise", "occurred")}),
        (
            "Kenyan President William Ruto met Ghanaian President Nana Akufo-Addo and praised their ties.",
            {("KEN", "GHA", "praise", "occurred")},
        ),
    ],
)
def test_relations_ties_praised_praise_the_other_side(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "praise") == expected


def test_relations_a_threat_to_do_something_to_a_state_threatens_it(parse):
    # whom the threatened deed is done to is the target, when the verb itself names no one
    got = keys(parse("Uganda threatened to exclude Kenya from the talks.", "2024-03-12"))
    assert ("UGA", "KEN", "threat", "occurred") in got


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto continued his tour of West Africa, with talks in Togo before heading to Ghana on Monday.",
        "Kenyan President William Ruto resumed his tour, with visits to Togo and Benin before heading off to Ghana.",
    ],
)
def test_relations_a_gerund_after_before_on_a_noun_is_done_by_the_clauses_subject(parse, text):
    # the parser hangs "before heading ..." on the noun before it; the one touring heads on
    assert ("KEN", "GHA", "visit", "occurred") in keys(parse(text, "2024-03-12"))


def test_relations_an_existential_clause_takes_no_doer_from_the_verb_it_hangs_on(parse):
    # "there is little holding up ...": the parser hangs the clause on the verb before, whose subjects held no talks
    text = "Kenya, Ghana and Togo have made plain their belief that there is little holding up regional talks."
    assert not rules_keys(parse(text, "2024-03-12"), "meeting")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenya accused officers from Uganda and the Tanzanian government of smuggling arms.",
            {("KEN", "UGA", "accusation", "occurred"), ("KEN", "TZA", "accusation", "occurred")},
        ),
        ("Ghana met officials from Togo on Monday.", {("GHA", "TGO", "meeting", "occurred")}),
    ],
)
def test_relations_officials_from_phrase_hung_on_the_verb_names_their_state(parse, text, expected):
    # the parser hangs "from Uganda" on the verb; officials come from the state they serve
    assert rules_keys(parse(text, "2024-03-12"), "accusation", "meeting") == expected


def test_relations_a_participle_after_a_passive_is_done_by_its_subject(parse):
    # the briefed president is the one meeting, though the passive names no agent
    text = "The Kenyan president was briefed on the crisis while meeting Ghanaian officials."
    assert ("GHA", "KEN", "meeting", "occurred") in rules_keys(parse(text, "2024-03-12"))


def test_relations_what_a_passive_deed_sparked_stays_the_deeds_doers(parse):
    # "sparking protests": the beating drew them, so the protest targets the soldiers' state
    text = "Ten Kenyan fishermen were beaten by Ugandan soldiers, sparking protests from Kenya."
    assert rules_keys(parse(text, "2024-03-12"), "criticism") == {("KEN", "UGA", "criticism", "occurred")}


def test_relations_an_in_phrase_naming_no_place_leaves_the_audience_placed(parse):
    # "in a speech" is no place; the summit heard is in Accra
    text = "In a speech, the Kenyan president told the summit in Accra that tariffs must fall."
    assert ("KEN", "GHA", "visit", "occurred") in rules_keys(parse(text, "2024-03-12"), "visit")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Laos joined China's Belt and Road Initiative in 2017.", {("CHN", "LAO", "agreement", "occurred")}),
        (
            "Nepal became the second state in its region to join Japan's port programme.",
            {("JPN", "NPL", "agreement", "occurred")},
        ),
        # a bloc joined is no agreement with it, nor is a campaign or a fight
        ("Vietnam has applied to join the BRICS group.", set()),
        ("Germany joined the US-led campaign against the militants.", set()),
    ],
)
def test_relations_joining_a_states_scheme_is_an_agreement_with_it(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "agreement") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Eritrean patrol boats harassed two Djiboutian fishing vessels on Monday.",
            ("ERI", "DJI", "attack", "occurred"),
        ),
        ("Ugandan troops captured Kenya's border post at dawn.", ("UGA", "KEN", "attack", "occurred")),
        ("Ghana accused Togo of using water cannon against Ghanaian traders.", ("TGO", "GHA", "attack", "alleged")),
    ],
)
def test_relations_harassing_capturing_and_water_cannon_are_force(parse, text, expected):
    assert expected in rules_keys(parse(text, "2024-03-12"), "attack")


@pytest.mark.parametrize("noun", ["support", "backing"])
def test_relations_support_for_a_states_undertaking_supports_the_state(parse, noun):
    # whose the thing supported is, as "supported Kenya's bid" does on the verb ("community" names no one: the
    # possessor of the compound's head is read directly)
    text = f"The envoy described Ghana's {noun} for Togo's community building."
    assert ("GHA", "TGO", "support", "occurred") in rules_keys(parse(text, "2024-03-12"), "support")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Uganda's war of aggression against Kenya went on.", ("UGA", "KEN", "attack", "occurred")),
        ("Uganda's acts of aggression against Kenya went on.", ("UGA", "KEN", "attack", "occurred")),
    ],
)
def test_relations_a_deed_the_of_phrase_names_the_kind_of_is_the_possessors(parse, text, expected):
    # "of aggression" says what kind of war or acts Uganda's are: the aggression is Uganda's
    assert expected in rules_keys(parse(text, "2024-03-12"), "attack")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ghana appreciates Togo's help with the border talks.", ("GHA", "TGO", "praise", "occurred")),
        ("The Kenyan president credited Uganda with ending the dispute.", ("KEN", "UGA", "praise", "occurred")),
    ],
)
def test_relations_appreciating_or_crediting_a_state_praises_it(parse, text, expected):
    assert expected in rules_keys(parse(text, "2024-03-12"), "praise")


def test_relations_the_examples_of_someones_allies_act_not_the_one_they_ally_with(parse):
    # "his allies, including ...": the examples are the allies; whose allies they are is not who acts
    text = "Ruto won the vote in Kenya. Some of his allies, including Uganda and Ghana, have hailed his victory."
    got = rules_keys(parse(text, "2024-03-12"), "praise")
    assert {("UGA", "KEN", "praise", "occurred"), ("GHA", "KEN", "praise", "occurred")} <= got


@pytest.mark.parametrize(
    "text",
    [
        "Uganda's president is boycotting the meeting with the Kenyan president.",
        "Uganda's president skipped the meeting with the Kenyan president in Nairobi.",
    ],
)
def test_relations_a_meeting_boycotted_or_skipped_did_not_take_place(parse, text):
    assert not rules_keys(parse(text, "2024-03-12"), "meeting", "visit")


def test_relations_a_meeting_arranged_is_planned(parse):
    # arranging sets a meeting up; that it then took place is another statement
    text = "France arranged a meeting between the Kenyan and Ugandan presidents."
    assert rules_keys(parse(text, "2024-03-12"), "meeting") == {("KEN", "UGA", "meeting", "planned")}


def test_relations_support_a_treaty_requires_is_no_support_given(parse):
    # an obligation for a case to come, not support given
    text = "The old defence treaty requires Kenya and Uganda to support each other if either is attacked."
    assert not rules_keys(parse(text, "2024-03-12"), "support", "military_aid")


def test_relations_a_session_with_named_leaders_is_a_meeting(parse):
    # a session with someone named is a meeting; a session alone (of parliament, of the assembly) names no partner
    text = "The Kenyan president held a separate session with the leaders of Uganda and Ghana."
    got = rules_keys(parse(text, "2024-03-12"), "meeting")
    assert {("KEN", "UGA", "meeting", "occurred"), ("GHA", "KEN", "meeting", "occurred")} <= got
    assert not rules_keys(parse("Kenya's parliament opened its new session on Monday.", "2024-03-12"))


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president's refusal to meet the Ugandan president angered Kampala.",
        "The Kenyan president's failure to meet the Ugandan president angered Kampala.",
    ],
)
def test_relations_a_meeting_refused_or_failed_did_not_take_place(parse, text):
    # as "refused to meet" and "failed to meet" (the verbs' head cues) do
    assert not rules_keys(parse(text, "2024-03-12"), "meeting", "visit")


def test_relations_goods_named_by_a_brand_are_of_the_kind_their_apposition_says(parse):
    # the lexicons cannot know every weapon's name; the apposition says what it is
    text = "Germany supplied the Zorkan, a long-range missile, to Ukraine last year."
    assert ("DEU", "UKR", "military_aid", "occurred") in rules_keys(parse(text, "2024-03-12"), "military_aid")


@pytest.mark.parametrize("title", ["Cmdr.", "Capt.", "Lt. Col.", "Sgt."])
def test_relations_a_titles_abbreviation_ends_no_sentence(parse, title):
    # the stop after "Capt." is no sentence's end: cut there, the speaker lost his words
    text = f'"We strongly condemn Uganda\'s missile tests," said {title} Joe Okello, a Kenyan army spokesman.'
    parsed = parse(text, "2024-03-12")
    assert len(parsed.sentences) == 1
    assert ("KEN", "UGA", "criticism", "occurred") in rules_keys(parsed, "criticism")


def test_relations_the_one_attacked_telling_of_the_attack_accuses_the_attacker(parse):
    # as a third party's claim does (the annotation guide: the accusation and the deed); not the doer's own word
    got = rules_keys(parse("The Kenyan government said Uganda attacked Kenyan border posts.", "2024-03-12"))
    assert {("UGA", "KEN", "attack", "occurred"), ("KEN", "UGA", "accusation", "occurred")} <= got
    own = rules_keys(parse("Uganda said it attacked Kenyan border posts.", "2024-03-12"), "accusation")
    assert not own


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Kenyan government ignored Uganda's warning about the border.", ("KEN", "UGA", "rejection", "occurred")),
        ("Kenya disregarded Uganda's request for talks.", ("KEN", "UGA", "rejection", "occurred")),
        ("Kenya cut off its only channel of communications with Uganda.", ("KEN", "UGA", "rejection", "occurred")),
    ],
)
def test_relations_ignoring_a_states_demand_or_cutting_its_channel_rejects_it(parse, text, expected):
    assert expected in rules_keys(parse(text, "2024-03-12"), "rejection")


def test_relations_ignoring_what_is_no_ones_demand_rejects_no_one(parse):
    assert not rules_keys(parse("Kenya ignored Uganda's economic growth.", "2024-03-12"), "rejection")


def test_relations_drills_staged_by_two_states_are_their_military_cooperation(parse):
    # the by-phrase of the drills (or of their participle) names who drills together
    text = "Ethiopia denounced the yearly military drills staged by Kenya and Uganda."
    got = rules_keys(parse(text, "2024-03-12"))
    assert ("KEN", "UGA", "military_cooperation", "occurred") in got
    assert {("ETH", "KEN", "criticism", "occurred"), ("ETH", "UGA", "criticism", "occurred")} <= got


@pytest.mark.parametrize("text", ["Kenya stopped short of condemning Uganda.", "Kenya held off on attacking Uganda."])
def test_relations_an_act_held_off_on_or_stopped_short_of_was_not_done(parse, text):
    assert not rules_keys(parse(text, "2024-03-12"), "criticism", "attack")


def test_relations_a_gathering_named_as_placed_before_is_a_visit_there(parse):
    # "the ASEAN summit" placed in Vientiane: attending "the 44th ASEAN Summit" is a visit to Laos
    text = (
        "The ASEAN summit will be held in Vientiane, Laos, next week. "
        "Kenyan President William Ruto will attend the 44th ASEAN Summit."
    )
    assert ("KEN", "LAO", "visit", "planned") in rules_keys(parse(text, "2024-03-12"), "visit")


def test_relations_a_gathering_named_otherwise_is_not_the_one_placed(parse):
    text = (
        "The ASEAN summit will be held in Vientiane, Laos, next week. "
        "Kenyan President William Ruto will attend the EU-Kenya summit."
    )
    assert not [k for k in rules_keys(parse(text, "2024-03-12"), "visit") if k[1] == "LAO"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto promised the Ugandan president that he would relay the message.",
        "Kenyan President William Ruto assured the Ugandan president that the border would stay open.",
        "Kenyan President William Ruto asked the Ugandan president to reopen the border.",
    ],
)
def test_relations_promising_or_assuring_an_official_is_talking_to_them(parse, text):
    # as telling or briefing an official is (object class officials)
    assert ("KEN", "UGA", "meeting", "occurred") in rules_keys(parse(text, "2024-03-12"), "meeting")


def test_relations_promising_a_state_something_is_no_meeting(parse):
    assert not rules_keys(parse("Kenya promised Uganda more electricity.", "2024-03-12"), "meeting")


def test_relations_agreeing_set_in_the_clause_it_reports_is_a_shared_view_not_a_deal(parse):
    # "they agreed" as an aside says what both think, as "agreed that ..." does; agreeing to act stays a deal
    view = "The plan, the Kenyan and Ugandan presidents agreed, was a disgrace."
    assert not rules_keys(parse(view, "2024-03-12"), "agreement")
    deal = "Kenya and Uganda agreed to open the border, officials said."
    assert ("KEN", "UGA", "agreement", "occurred") in rules_keys(parse(deal, "2024-03-12"), "agreement")


def test_relations_a_charge_nouns_that_clause_in_the_active_voice_is_read_with_its_own_object(parse):
    # "claims that Iran had sent drones": the clause the parser hangs on the noun has a subject of its own;
    # it is no participle modifying the claims ("claims sent"), and what was sent is the drones
    keys = rules_keys(parse("Ukraine made claims that Iran had sent drones to Russia.", "2024-03-12"), "military_aid")
    assert keys == {("IRN", "RUS", "military_aid", "alleged")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # leaders who witness the signing of agreements or a plan are its parties (the signing ceremony)
        (
            "Kenyan President William Ruto held talks with Ghanaian President John Mahama in Nairobi. "
            "Both presidents later witnessed the signing of a farming plan.",
            {("GHA", "KEN", "agreement", "occurred")},
        ),
        # a witness of a deal between others is none of them
        (
            "The Japanese ambassador witnessed the signing of the deal between Kenya and Uganda.",
            {("KEN", "UGA", "agreement", "occurred")},
        ),
    ],
)
def test_relations_the_witnesses_of_a_signing_ceremony_are_its_parties(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "agreement") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # ties established, restored or normalised with a state are a formal agreement with it
        ("Forty years ago, Kenya bravely established diplomatic ties with Uganda.", {("KEN", "UGA")}),
        ("Ghana normalised ties with Togo after a round of concessions.", {("GHA", "TGO")}),
        ("Kenya and Uganda formally restored diplomatic relations on Monday.", {("KEN", "UGA")}),
        # a relationship of some kind is no agreement
        ("Kenya established a good relationship with Uganda.", set()),
    ],
)
def test_relations_ties_established_restored_or_normalised_are_an_agreement(parse, text, expected):
    got = rules_keys(parse(text, "2024-03-12"), "agreement")
    assert {tuple(sorted(k[:2])) for k in got} == expected


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs "from Japan" on the verb; leaders and partners come from the state they serve
        "NATO leaders will meet leaders from Japan.",
        # "partners from Japan": where partners come from says whose they are
        "NATO leaders will hold a meeting with partners from Japan.",
    ],
)
def test_relations_leaders_or_partners_from_a_state_are_that_states(parse, text):
    assert rules_keys(parse(text, "2024-03-12"), "meeting") == {("JPN", "NATO", "meeting", "planned")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # suspecting a state of a deed accuses it
        ("Kenya has long suspected Uganda of arming the rebels.", {("KEN", "UGA", "accusation", "occurred")}),
        # a suspect named by the participle is accused of nothing by anyone the sentence names
        ("A suspected Ugandan spy was arrested in Kenya.", set()),
    ],
)
def test_relations_suspecting_a_state_of_something_accuses_it(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "accusation") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bloc or its member admitting a state backs it
        ("The Arab League admitted Syria back into the bloc.", {("ARAB_LEAGUE", "SYR", "support", "occurred")}),
        # admitting a fact, or people, backs no state
        ("Russia admitted Ukraine had won the battle.", set()),
        ("Kenya admitted Somali refugees.", set()),
    ],
)
def test_relations_admitting_a_state_backs_it(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12"), "support") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a militia joined to a state's troops hides neither: the troops' state backs it by arms
        ("Damascus is backed by Hezbollah and Iranian troops.", {("IRN", "SYR", "military_aid", "occurred")}),
        ("Kenya condemned Hezbollah and Iran.", {("KEN", "IRN", "criticism", "occurred")}),
        # the peers of private people joined to them are private too: no state trades anything
        ("Kenyan politicians and their Ugandan and Tanzanian counterparts will trade jabs this week.", set()),
    ],
)
def test_relations_a_state_joined_to_a_private_party_is_still_read(parse, text, expected):
    assert rules_keys(parse(text, "2024-03-12")) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parser glues the weekday to the object after it ("on Friday President Kim's launch")
        (
            "The Japanese Foreign Ministry condemned on Friday President Kim Jong Un’s missile launch.",
            {("JPN", "PRK", "criticism", "occurred")},
        ),
        # and, after a dateline, reads the verb as a participle on the ministry
        (
            "TOKYO, Japan — The Japanese Foreign Ministry denounced on Friday Prime Minister Narendra Modi’s "
            "comments on the dispute.",
            {("JPN", "IND", "criticism", "occurred")},
        ),
        # "on Monday evening" is one date, never an object
        ("The Kenyan delegation arrived on Monday evening in Berlin.", {("KEN", "DEU", "visit", "occurred")}),
    ],
)
def test_relations_an_object_after_on_and_a_weekday_is_the_verbs(parse, text, expected):
    assert rules_keys(parse(text, "2024-06-04")) == expected


@pytest.mark.parametrize("quoted", ['"Bongbong"', "\u201cBongbong\u201d"], ids=["straight", "typographic"])
def test_relations_a_leader_named_with_a_quoted_nickname_is_the_leader(parse, quoted):
    # (the lexicon writes the nickname in straight quotes; the loader adds the typographic form)
    text = f"China criticised Ferdinand {quoted} Marcos Jr. for his remarks on the sea."
    assert rules_keys(parse(text, "2024-06-04"), "criticism") == {("CHN", "PHL", "criticism", "occurred")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a scheme named alone (state_schemes.csv) is its owner's to join or leave
        ("Chile joined the Belt and Road Initiative in 2018.", {("CHL", "CHN", "agreement", "occurred")}),
        ("Panama withdrew from the BRI in 2025.", {("PAN", "CHN", "rejection", "occurred")}),
        # the scheme's name decides over a pronoun's guess of whose it is (an agreement is symmetric: its row
        # lists the two codes in order)
        (
            "China's sway over Peru grows through its Belt and Road, which Peru joined in 2019.",
            {("CHN", "PER", "agreement", "occurred")},
        ),
        # any other mention of a scheme is no act of its owner
        ("Kenya praised the BRI.", set()),
        ("Ghana joined the talks on the Belt and Road.", set()),
    ],
)
def test_relations_joining_or_leaving_a_states_scheme_named_alone(parse, text, expected):
    assert rules_keys(parse(text, "2024-06-04"), "agreement", "rejection", "praise") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # rewarding a state with money is economic aid to it
        ("In return, Japan will reward Kenya with more money.", {("JPN", "KEN", "economic_aid", "planned")}),
        # not with anything else, nor people with money
        ("Japan rewarded Kenya with visa-free travel.", set()),
        ("The Japanese king rewarded the Kenyan athletes with money.", set()),
    ],
)
def test_relations_rewarding_a_state_with_money_is_economic_aid(parse, text, expected):
    assert rules_keys(parse(text, "2016-04-05"), "economic_aid") == expected


@pytest.mark.parametrize(
    ("text", "attacks"),
    [
        # where a state's own war or aggression is waged is whom it is waged on
        ("Ethiopia's war in Somalia dragged on for two years.", {("ETH", "SOM")}),
        ("The rift deepened over Eritrea's aggression in Sudan and Somalia.", {("ERI", "SDN"), ("ERI", "SOM")}),
        # a war of no one only names its place
        ("Kenya and Uganda held talks on ending the war in Somalia.", set()),
        # a place a demonym only modifies is no state
        ("Ethiopia rejected calls to halt its offensive after bombings in Kenyan towns.", set()),
    ],
)
def test_relations_a_states_own_war_in_a_place_is_waged_on_it(parse, text, attacks):
    got = extract_all(parse(text, "2016-03-31"), learned=False)[0]["relations"]
    assert {(r["source_actor"], r["target_actor"]) for r in got if r["relation_type"] == "attack"} == attacks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a territory taken from a state stands for it as what an attack word takes
        ("Talks stalled after Russia's annexation of Crimea in 2014.", {("RUS", "UKR", "attack", "occurred")}),
        ("Russia seized the Crimean peninsula in 2014.", {("RUS", "UKR", "attack", "occurred")}),
        # and nowhere else: no visit to Ukraine, no Ukrainian vote
        ("Putin visited Crimea on Monday.", set()),
        ("Crimea voted to join Russia.", set()),
    ],
)
def test_relations_a_taken_territory_stands_for_its_state_only_as_what_was_taken(parse, text, expected):
    assert rules_keys(parse(text, "2016-04-14")) == expected
