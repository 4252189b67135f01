"""The kinds of error found by judging rows of unseen articles one by one (issue 14), each pinned
by a sentence we wrote with the same structure (never copied from an article).

They run through ``extract_all`` as a build does: with the trained models when they ship
(``extractors/models/``), the rules otherwise, so they hold for whatever decides the rows.
"""

from __future__ import annotations

import pytest

from relata.extractors import extract_all


def rows(parse, text: str, published: str = "2016-03-07") -> dict[str, list[dict]]:
    return extract_all(parse(text, published))[0]


def relation_keys(out: dict) -> set[tuple]:
    return {(r["source_actor"], r["target_actor"], r["relation_type"], r["status"]) for r in out["relations"]}


# --- dates ------------------------------------------------------------------------------------


def test_error_kind_a_weekday_in_the_past_tense_is_the_last_one_before_publication(parse):
    # Published on Monday 7 March 2016: "On Saturday" is 5 March, and the criticism happened.
    out = rows(parse, "On Saturday, the European Union criticised Turkey over the arrest of journalists.")
    found = [r for r in out["relations"] if (r["source_actor"], r["target_actor"]) == ("EU", "TUR")]
    assert found and all(r["status"] == "occurred" for r in found)
    assert {(r["event_date"].isoformat(), r["date_precision"]) for r in found} == {("2016-03-05", "day")}


def test_error_kind_a_month_and_day_before_publication_stays_in_its_year(parse):
    # Published in May: "On Feb. 20" is the February just past, not the next one.
    out = rows(parse, "On Feb. 20, Chinese President Xi Jinping visited Egypt.", "2016-05-10")
    visit = [
        r
        for r in out["relations"]
        if (r["source_actor"], r["target_actor"], r["relation_type"]) == ("CHN", "EGY", "visit")
    ]
    assert visit and {(r["event_date"].isoformat(), r["date_precision"]) for r in visit} == {("2016-02-20", "day")}


def test_error_kind_a_span_of_days_ahead_makes_the_trip_planned(parse):
    # Published on 1 September: a trip "from the 2nd to the 13th" named in a sentence about something
    # else (here in the future, elsewhere in the past tense) has not begun yet, and is dated by its start.
    text = "Officials in Tokyo went over the Indian minister's Sept. 2-13 visit to Japan on Friday."
    found = [r for r in rows(parse, text, "2026-09-01")["relations"] if r["relation_type"] == "visit"]
    assert found and {(r["status"], str(r["event_date"])) for r in found} == {("planned", "2026-09-02")}


def test_error_kind_a_photo_captions_full_date_is_read_to_the_day(parse):
    text = "FILE PHOTO: Chinese President Xi Jinping meets Russian President Vladimir Putin in Beijing, China June 25, 2016."
    out = rows(parse, text, "2016-07-02")
    met = [r for r in out["relations"] if r["relation_type"] == "meeting"]
    assert met and {(r["event_date"].isoformat(), r["date_precision"]) for r in met} == {("2016-06-25", "day")}


# --- status -----------------------------------------------------------------------------------


def test_error_kind_cooperation_that_deepened_is_ongoing_not_planned(parse):
    out = rows(parse, "Thailand and Cambodia deepened their cooperation in tourism last year.", "2024-06-18")
    tourism = [r for r in out["cooperation"] if r["area"] == "tourism"]
    assert tourism and all(r["status"] != "planned" for r in tourism)


def test_error_kind_a_condemnation_beside_a_pledge_happened(parse):
    text = "Japanese and Australian ministers pledged closer defence ties and condemned North Korea's missile launch."
    k = relation_keys(rows(parse, text))
    assert ("JPN", "PRK", "criticism", "occurred") in k or ("AUS", "PRK", "criticism", "occurred") in k
    assert not {x for x in k if x[1] == "PRK" and x[2] == "criticism" and x[3] == "planned"}


def test_error_kind_a_past_verb_after_a_promise_to_act_happened(parse):
    # Judged (21st sample): "pledged to make a push ... and defended the invasion" with the finite
    # "defended" hung on the infinitive "make": the defended invasion stored as planned.
    text = "The Turkish president promised on Monday to rebuild the towns and condemned Syria's shelling of the border."
    k = relation_keys(rows(parse, text, "2016-03-12"))
    assert ("TUR", "SYR", "criticism", "occurred") in k
    assert not {x for x in k if x[1] == "SYR" and x[3] == "planned"}


# --- actors -----------------------------------------------------------------------------------


def test_error_kind_the_pair_comes_from_the_mentions_the_verb_links(parse):
    text = "Speaking in Paris on Sunday, the Japanese foreign minister criticised China over its maritime claims."
    k = relation_keys(rows(parse, text))
    # France is only where the minister spoke: no party of the criticism (the minister's being there
    # is a visit, since the rule of presence abroad)
    assert not {x for x in k if "FRA" in x[:2] and x[2] != "visit"}
    assert ("JPN", "CHN", "criticism", "occurred") in k


def test_error_kind_the_members_of_a_trade_pact_are_not_each_others_parties(parse):
    text = (
        "The trade pact, whose members include Vietnam, Malaysia, Singapore and Chile, "
        "took effect in January after years of talks."
    )
    k = relation_keys(rows(parse, text, "2019-02-01"))
    members = {"VNM", "MYS", "SGP", "CHL"}
    assert not {x for x in k if x[0] in members and x[1] in members and x[2] == "agreement"}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("A Russian analyst criticised Ukraine's government over the budget.", ("RUS", "UKR")),
        ("An American oil firm accused Venezuela of seizing its assets.", ("USA", "VEN")),
        ("A spokesman for the Saudi-led coalition accused Iran of arming the rebels.", ("SAU", "IRN")),
    ],
)
def test_error_kind_an_analyst_a_firm_or_a_coalitions_spokesman_is_not_their_state(parse, text, forbidden):
    k = relation_keys(rows(parse, text))
    assert not {x for x in k if x[:2] == forbidden}


# --- sanctions --------------------------------------------------------------------------------


def test_error_kind_a_sanctions_sender_named_in_the_article_is_not_left_null(parse):
    text = (
        "Canada imposed sanctions on Myanmar on Tuesday. "
        "The sanctions freeze the assets of seven generals and ban their travel to Canada."
    )
    out = rows(parse, text, "2024-06-18")
    against = [r for r in out["sanctions"] if r["target"] == "MMR"]
    assert against and all(r["sender"] == "CAN" for r in against)


def test_error_kind_a_sanction_in_the_passive_keeps_sender_and_target_apart(parse):
    out = rows(parse, "Russia was hit with new sanctions by Japan on Friday.")
    assert {(r["sender"], r["target"]) for r in out["sanctions"]} == {("JPN", "RUS")}


def test_error_kind_a_sanction_whose_sentence_names_its_target_is_a_row_not_a_reject(parse):
    out, rejects = extract_all(parse("Australia imposed sanctions on senior Iranian officials on Monday."))
    assert {(r["sender"], r["target"]) for r in out["sanctions"]} == {("AUS", "IRN")}
    assert not [r for r in rejects if "target" in (r.get("reason") or "")]


# --- a keyword alone decides nothing ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # an institution's name holding an area's word is no cooperation in that area
        (
            "The French delegation toured the Defence Industry and Energy Centre in Astana with Kazakh officials.",
            ("cooperation", "energy"),
        ),
        # a crowd's cheering is not a state's praise
        ("The Chinese leader was hailed by marching soldiers in Pyongyang.", ("relations", "praise")),
        # the attack the sentence names is the one being punished, not the punishment
        ("The United States moved to punish Russia for attacking Ukraine.", ("relations", "attack", "USA")),
    ],
)
def test_error_kind_a_keyword_alone_makes_no_row(parse, text, forbidden):
    out = rows(parse, text)
    table, label, *source = forbidden
    if table == "cooperation":
        assert not [r for r in out["cooperation"] if r["area"] == label]
    else:
        assert not [
            r
            for r in out["relations"]
            if r["relation_type"] == label and (not source or r["source_actor"] == source[0])
        ]


# --- found by judging 50 rows of unseen articles with the trained models (2026-12-02) ---------


@pytest.mark.parametrize(
    "text",
    [
        # the event noun is the subject of a modal verb
        "The visit to Lima by the Chinese president would crown a decade of closer ties.",
        # the small model lemmatises "hoped" as "hop": the cue must still be read
        "The Chinese president said in an interview that he hoped to visit Peru next year.",
    ],
)
def test_error_kind_a_visit_that_would_or_is_hoped_to_happen_is_planned_not_occurred(parse, text):
    k = relation_keys(rows(parse, text, "2024-02-01"))
    assert ("CHN", "PER", "visit", "occurred") not in k


# --- found on a second, fresh sample of unseen articles (2026-12-02 evening) --------------------


@pytest.mark.parametrize(
    "text",
    [
        "There is still a chance of a meeting between the Indian prime minister and Pakistan's president in Astana next month.",
        "Officials raised the possibility of talks between Indian Prime Minister Narendra Modi and Pakistan's president.",
    ],
)
def test_error_kind_the_possibility_of_a_meeting_is_not_a_meeting_that_happened(parse, text):
    k = relation_keys(rows(parse, text, "2024-05-02"))
    assert not {key for key in k if key[2] in ("meeting", "visit") and key[3] == "occurred"}


def test_error_kind_an_exhibition_that_promotes_exchanges_is_cooperation_under_way(parse):
    text = (
        "A photo exhibition on Khmer temples opened in Hanoi on Monday. "
        "The show deepens cultural exchanges between Vietnam and Cambodia."
    )
    culture = [r for r in rows(parse, text, "2024-05-02")["cooperation"] if r["area"] == "culture"]
    assert culture and all(r["status"] == "ongoing" for r in culture)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "At the G20 summit in Lima, Chinese President Xi Jinping and Japanese Prime Minister Shinzo Abe met for talks.",
            "PER",
        ),
        (
            "During a forum in Jakarta last week, the Australian foreign minister criticised China over its coast guard.",
            "IDN",
        ),
        ("On the sidelines of the ASEAN summit, South Korea's president met the Japanese prime minister.", "ASEAN"),
    ],
)
def test_error_kind_the_place_or_organiser_of_a_gathering_is_no_party_of_what_happens_there(parse, text, venue):
    out = rows(parse, text, "2016-11-25")
    assert out["relations"], "the event itself still makes a row"
    # The guide makes the place the host of each traveller's visit; it is a party of nothing else.
    with_venue = [r for r in out["relations"] if venue in (r["source_actor"], r["target_actor"])]
    assert all(r["relation_type"] == "visit" and r["target_actor"] == venue for r in with_venue)


def test_error_kind_the_two_nations_are_the_two_states_the_sentence_just_named(parse):
    text = (
        "The United States has criticised Russia for months. "
        "The United States and Russia traded accusations again on Monday. "
        "It was unclear what Putin discussed in Hanoi, though the two nations pledged to boost energy cooperation."
    )
    coop = rows(parse, text, "2024-06-21")["cooperation"]
    assert coop and {frozenset((r["actor_a"], r["actor_b"])) for r in coop} == {frozenset(("RUS", "VNM"))}


@pytest.mark.parametrize(
    "text",
    [
        "The Japanese prime minister is travelling to India next week for talks with Modi.",
        "The Indian prime minister travels to Japan next month for talks with his Japanese counterpart.",
        "Putin is heading to Tehran in the coming days for talks with Iran's president.",
    ],
)
def test_error_kind_a_trip_the_sentence_puts_after_publication_is_planned(parse, text):
    trips = [r for r in rows(parse, text, "2016-05-21")["relations"] if r["relation_type"] in ("visit", "meeting")]
    assert trips and all(r["status"] == "planned" for r in trips)


def test_error_kind_a_later_date_in_another_clause_does_not_make_the_saying_planned(parse):
    text = "The US secretary of state welcomed Russia's announcement and said he planned to visit Moscow next week."
    praise = [r for r in rows(parse, text, "2016-03-15")["relations"] if r["relation_type"] == "praise"]
    assert praise and all(r["status"] == "occurred" for r in praise)


# --- found on the annotated corpus's sanction articles (2026-12-03) ---------------------------


@pytest.mark.parametrize(
    ("text", "published", "target"),
    [
        # The sender comes after the first sanction sentence: the whole article is read before filling it.
        (
            "Hopes of an end to the sanctions against Venezuela rose on Monday. "
            "The United States imposed the sanctions on Venezuela in 2019 over its disputed election.",
            "2024-06-18",
            "VEN",
        ),
        # No sender named for the target anywhere: the one habitual sender the article speaks of.
        (
            "President Obama arrived in Havana on Sunday. "
            "He said he was optimistic about the elimination of the embargo against Cuba.",
            "2016-03-21",
            "CUB",
        ),
    ],
)
def test_error_kind_an_unnamed_sender_is_the_one_the_article_implies(parse, text, published, target):
    against = [r for r in rows(parse, text, published)["sanctions"] if r["target"] == target]
    assert against and all(r["sender"] == "USA" for r in against)


def test_error_kind_no_sender_is_guessed_when_the_article_speaks_of_two_habitual_senders(parse):
    text = (
        "The European Union and the United States held talks on Monday. "
        "The sanctions against Iran were discussed, officials said."
    )
    out = rows(parse, text, "2016-03-21")
    assert all(r["sender"] is None for r in out["sanctions"] if r["target"] == "IRN")


@pytest.mark.parametrize(
    "text",
    [
        "Ivory Coast faces possible UN sanctions over the violence in the north.",
        "New UN sanctions on Sudan are looming, diplomats said.",
        "The Security Council could impose sanctions on Sudan over the violence in Darfur.",
    ],
)
def test_error_kind_sanctions_only_held_out_are_threatened_not_in_force(parse, text):
    found = rows(parse, text, "2004-09-20")["sanctions"]
    assert found and {r["action"] for r in found} == {"threatened"}


def test_error_kind_a_habitual_sender_alone_in_the_sentence_is_the_sender_not_the_target(parse):
    text = (
        "Iran joined the BRICS group of emerging economies on Monday. "
        "Though facing heavy sanctions under former US President Trump, Iran expanded its oil exports."
    )
    found = rows(parse, text, "2024-01-02")["sanctions"]
    assert found and {(r["sender"], r["target"]) for r in found} == {("USA", "IRN")}


# --- the model's status where no word of the type is in the sentence (2026-12-03) --------------


@pytest.mark.parametrize(
    ("text", "rtype", "status", "expected"),
    [
        # No word of the type and none of its kin: a modal on the main verb is about something else.
        ("Its troops could be exposed to attacks by militias backed by Iran.", "military_aid", "occurred", "occurred"),
        # The type's own word carries the modality.
        ("A visit by Obama to Havana would cap the thaw.", "visit", "occurred", "planned"),
        # A word that itself looks ahead ("X is expected in Y", "expected to dominate") makes it planned.
        (
            "The row is expected to dominate a gathering of ASEAN ministers in Vientiane.",
            "visit",
            "occurred",
            "planned",
        ),
    ],
)
def test_error_kind_the_status_is_overruled_only_by_the_events_own_words(parse, text, rtype, status, expected):
    from relata.extractors.decided import _with_modality

    sent = parse(text).sentences[0]
    assert _with_modality(status, sent, rtype) == expected


def test_error_kind_sanctions_on_what_a_named_state_owns_target_that_state(parse):
    found = rows(parse, "Beijing has long resented American sanctions against China's technology champions.")[
        "sanctions"
    ]
    assert found and {(r["sender"], r["target"]) for r in found} == {("USA", "CHN")}


@pytest.mark.parametrize(
    "text",
    [
        "Britain and the Netherlands shot down a French proposal to tax airline tickets.",
        "Italy attacked the German plan for a common border force.",
    ],
)
def test_error_kind_an_attack_verb_on_a_proposal_is_no_attack(parse, text):
    assert all(r["relation_type"] != "attack" for r in rows(parse, text)["relations"])


def test_error_kind_a_states_stock_market_is_no_party(parse):
    out = rows(parse, "Thai stocks fell amid concerns over a potential escalation of the US-China trade war.")
    assert all("THA" not in (r["source_actor"], r["target_actor"]) for r in out["relations"])


# --- found on a third fresh sample of unseen articles (2026-12-03) -----------------------------


def test_error_kind_the_two_sides_are_the_two_the_sentence_before_named(parse):
    text = (
        "Indonesia and China signed a railway deal last year. "
        "China and ASEAN marked thirty years of dialogue on Monday. "
        "The two sides have deepened cooperation in green energy and the digital economy."
    )
    coop = rows(parse, text, "2024-06-21")["cooperation"]
    pairs = {frozenset((r["actor_a"], r["actor_b"])) for r in coop if r["sentence_index"] == 2}
    assert pairs == {frozenset(("ASEAN", "CHN"))}


def test_error_kind_a_visit_on_whose_eve_something_happens_is_planned(parse):
    text = "On the eve of a UN Security Council visit to Nairobi, members are split over a draft resolution."
    visits = [r for r in rows(parse, text, "2004-11-14")["relations"] if r["relation_type"] == "visit"]
    assert visits and all(r["status"] == "planned" for r in visits)


def test_error_kind_an_avoided_meeting_is_no_meeting(parse):
    text = "The Iranian ministers avoided a meeting with their American counterparts in Vienna."
    assert not [r for r in rows(parse, text)["relations"] if r["relation_type"] == "meeting"]


def test_error_kind_a_country_used_as_a_yardstick_is_no_party(parse):
    out = rows(parse, "Putin invaded a neighbour the size of France last year.", "2023-03-01")
    assert all("FRA" not in (r["source_actor"], r["target_actor"]) for r in out["relations"])


def test_error_kind_reported_would_is_planned_cooperation_not_hypothetical(parse):
    text = (
        "Xi arrived in Vladivostok on Tuesday and held talks with Putin. "
        "A Kremlin aide said the two leaders would also discuss expanding cooperation in energy and tourism."
    )
    coop = rows(parse, text, "2018-09-11")["cooperation"]
    assert {(r["area"], r["status"]) for r in coop} >= {("energy", "planned"), ("tourism", "planned")}


def test_error_kind_a_firm_signing_a_deal_is_not_its_state(parse):
    text = "Chinese railway manufacturer CRRC signed an agreement with the Serbian transport ministry to sell trains."
    out = rows(parse, text)
    assert not out["relations"] and not out["cooperation"]


def test_error_kind_help_that_armed_forces_give_is_military_aid(parse):
    text = "The unrest was quelled by Bahrain security units with help from soldiers from Saudi Arabia."
    aid = [r for r in rows(parse, text, "2016-03-01")["relations"] if r["target_actor"] == "BHR"]
    assert aid and {r["relation_type"] for r in aid} == {"military_aid"}


@pytest.mark.parametrize(
    "text",
    [
        "The US-China trade war that began in 2018 is not the only reason investment is pouring into Vietnam.",
        "Tensions between China and the Philippines have risen over the shoal.",
    ],
)
def test_error_kind_the_sides_of_a_conflict_cooperate_in_nothing(parse, text):
    from relata.extractors.decided import _only_sides_of_a_conflict

    sent = parse(text).sentences[0]
    codes = sorted({m.key for m in sent.mentions if m.key in ("USA", "CHN", "PHL")})
    assert _only_sides_of_a_conflict(sent, codes[0], codes[1])
    out = rows(parse, text)
    friendly = {"economic_cooperation", "military_cooperation", "agreement", "support", "praise", "meeting"}
    assert not [r for r in out["relations"] if r["relation_type"] in friendly] and not out["cooperation"]


@pytest.mark.parametrize(
    "text",
    [
        "The Spaniard played a flawless hour to deny Williams a record title.",
        "Israel denied Palestinian worshippers access to the site on Friday.",
    ],
)
def test_error_kind_denying_someone_something_is_withholding_not_a_denial(parse, text):
    assert not rows(parse, text)["denials"]


@pytest.mark.parametrize(
    "text",
    [
        "A Chinese carmaker signed an agreement with Thailand to build a plant near Bangkok.",
        "A Japanese airline signed a deal with Vietnam to open new routes.",
    ],
)
def test_error_kind_a_carmaker_or_an_airline_is_not_its_state(parse, text):
    assert not rows(parse, text)["relations"]


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang has called the sanctions an open declaration of war.",
        "Moscow called the European sanctions illegal and pointless.",
    ],
)
def test_error_kind_naming_the_sanctions_something_condemns_them(parse, text):
    found = rows(parse, text)["sanctions"]
    assert found and "condemned" in {r["action"] for r in found}
    assert "threatened" not in {r["action"] for r in found}


# --- found on a fourth fresh sample of unseen articles (2026-12-03) ----------------------------


def test_error_kind_northern_ireland_is_not_ireland(parse):
    text = "The British prime minister met a unionist leader in London about power sharing with Northern Ireland's assembly."
    assert all("IRL" not in (r["source_actor"], r["target_actor"]) for r in rows(parse, text)["relations"])


def test_error_kind_support_given_militarily_is_military_aid(parse):
    found = rows(parse, "The Syrian government is supported militarily by Iran.", "2016-04-11")["relations"]
    assert {(r["source_actor"], r["target_actor"], r["relation_type"]) for r in found} >= {
        ("IRN", "SYR", "military_aid")
    }
    assert not [r for r in found if r["relation_type"] == "support"]


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        ("The UN envoy to Libya has arrived in Tripoli for talks with officials.", "meeting"),
        ("Canada and Mexico are negotiating a new trade agreement.", "agreement"),
        ("The Indian prime minister is travelling to Japan.", "visit"),
    ],
)
def test_error_kind_what_a_present_verb_works_or_travels_towards_is_planned(parse, text, rtype):
    found = [r for r in rows(parse, text, "2016-02-15")["relations"] if r["relation_type"] == rtype]
    assert found and all(r["status"] == "planned" for r in found)


def test_error_kind_a_deal_negotiated_in_the_past_is_not_planned(parse):
    text = "Japan and Vietnam negotiated a trade agreement in 2008."
    found = [r for r in rows(parse, text, "2016-02-15")["relations"] if r["relation_type"] == "agreement"]
    assert all(r["status"] == "occurred" for r in found)


# --- direction inside a denial ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accuser", "denier"),
    [
        ("On Monday, India dismissed Canada's accusations as absurd.", "CAN", "IND"),
        ("Brazil rejected Argentina's allegations on Tuesday.", "ARG", "BRA"),
        ("Russia denied the American allegations of spying.", "USA", "RUS"),
        ("India rejected accusations from Canada.", "CAN", "IND"),
    ],
)
def test_error_kind_who_denies_an_accusation_is_its_target_not_its_source(parse, text, accuser, denier):
    # Judged: "India dismissed Canada's accusations" stored as IND->CAN accusation. The guide: a
    # denial of another's accusation implies the accusation, accuser -> denier, which was made.
    out = extract_all(parse(text, "2016-03-08"), learned=False)[0]
    accusations = {
        (r["source_actor"], r["target_actor"], r["status"])
        for r in out["relations"]
        if r["relation_type"] == "accusation"
    }
    assert accusations == {(accuser, denier, "occurred")}
    # With the models too: the denial vouches for the accusation, so the accusation veto chosen on
    # the folds (which dropped Brazil's, unbacked by the pairs model) keeps it; never reversed.
    combined = relation_keys(rows(parse, text, "2016-03-08"))
    assert (accuser, denier, "accusation", "occurred") in combined
    assert not {x for x in combined if x[:3] == (denier, accuser, "accusation")}


@pytest.mark.parametrize(
    "text",
    [
        "China and Cambodia have repeatedly denied the allegations.",
        "The allegations were denied by China and Cambodia.",
        "Russia denied allegations against Syria.",
    ],
)
def test_error_kind_who_denies_a_claim_did_not_make_it(parse, text):
    # Deniers neither accuse each other nor whoever the claim is against.
    out = rows(parse, text, "2016-03-08")
    assert not [r for r in out["relations"] if r["relation_type"] == "accusation"]


# --- the place of a meeting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "visit"),
    [
        (
            "The Japanese prime minister will attend the summit in Johannesburg next week.",
            "2016-03-08",
            ("JPN", "ZAF", "planned"),
        ),
        (
            "Obama and Xi held a landmark summit in San Francisco last November.",
            "2016-03-08",
            ("CHN", "USA", "occurred"),
        ),
    ],
)
def test_error_kind_a_meeting_in_a_city_that_is_no_capital_is_a_visit_to_its_country(parse, text, published, visit):
    # Annotated articles record "a summit in San Francisco" as a visit by the guest; the rules knew
    # only capitals, so a meeting in any other city made no visit.
    out = rows(parse, text, published)
    assert visit in {
        (r["source_actor"], r["target_actor"], r["status"]) for r in out["relations"] if r["relation_type"] == "visit"
    }


def test_error_kind_a_city_is_a_place_never_an_actor(parse):
    out = rows(parse, "Johannesburg said on Monday that it would criticise the Chinese plan.", "2016-03-08")
    assert not [r for r in out["relations"] if "ZAF" in (r["source_actor"], r["target_actor"])]


@pytest.mark.parametrize(
    "text",
    [
        "Pope Francis will visit Indonesia next month.",
        "The pope will travel to Indonesia next month, the Vatican said.",
    ],
)
def test_error_kind_the_pope_acts_for_the_holy_see(parse, text):
    # The leaders lexicon had no pope: his trips, which annotated articles record as the Holy See's
    # visits, made no row.
    out = rows(parse, text, "2016-03-08")
    assert ("VAT", "IDN", "visit", "planned") in relation_keys(out)


# --- what is said about sanctions -----------------------------------------------------------------


def sanction_keys(out: dict) -> set[tuple]:
    return {(r["sender"], r["target"], r["action"]) for r in out["sanctions"]}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Iran's economy is squeezed by U.N. sanctions that were tightened in March.", ("UN", "IRN", "tightened")),
        ("Russia expressed anger about the EU sanctions on Belarus.", ("EU", "BLR", "condemned", "RUS")),
        ("Russia retaliated against the EU sanctions with a ban on food imports.", ("EU", "RUS", "condemned", "RUS")),
        ("The new EU sanctions have angered Moscow.", ("EU", "RUS", "condemned", "RUS")),
        ("China retaliated with sanctions on US defence firms.", ("CHN", "USA", "imposed", None)),
    ],
)
def test_error_kind_what_a_clause_or_a_reaction_says_of_the_sanctions_is_their_action(parse, text, key):
    # Annotated articles: "sanctions that were tightened in March" is a tightening (read as merely
    # in force); expressing anger about or retaliating against sanctions condemns them (no row);
    # retaliating *with* sanctions imposes them.
    out = rows(parse, text, "2016-03-08")
    if len(key) == 3:
        assert key in sanction_keys(out)
    else:
        assert key in {(r["sender"], r["target"], r["action"], r["stated_by"]) for r in out["sanctions"]}


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Hungary voted against new sanctions.", {"HUN"}),
        ("Western sanctions that add to Russia's economic woes were discussed.", {"tightened"}),
    ],
)
def test_error_kind_sanctions_that_act_or_are_voted_on_are_not_read_as_something_done(parse, text, not_expected):
    # The sanctions themselves acting ("that add to") are not tightened; a state voting against
    # sanctions is not their target.
    out = rows(parse, text, "2016-03-08")
    assert not [r for r in out["sanctions"] if not_expected & {r["target"], r["action"]}]


def test_error_kind_ties_that_soured_are_no_cooperation(parse):
    # Judged: "Trade relations between China and Australia also soured" stored as ongoing trade
    # cooperation.
    out = rows(parse, "Trade relations between China and Australia also soured after the tariffs.", "2020-06-01")
    assert not out["cooperation"]
    assert not [r for r in out["relations"] if r["relation_type"] in ("economic_cooperation", "agreement")]


@pytest.mark.parametrize(
    "text",
    [
        "Former U.S. Ambassador Richard Holbrooke met UN officials in New York.",
        "The former U.S. president George W. Bush criticized China.",
    ],
)
def test_error_kind_a_former_official_acts_for_no_one(parse, text):
    # Judged: a private meeting with "former U.S. Ambassador Richard Holbrooke" stored as a UN-USA meeting.
    assert not rows(parse, text, "2016-03-08")["relations"]


# --- the sixth judged sample (shipped models, unseen articles) -----------------------------------------


def test_error_kind_a_weekday_under_the_past_progressive_is_the_last_one_before_publication(parse):
    # Judged: "On Saturday, the EU urged ..., saying it was providing aid" dated to the next Saturday
    # and stored as planned: only the present progressive ("is providing") looks ahead.
    out = rows(parse, "On Saturday, the EU pressed Greece to act, saying it was sending aid to Athens.", "2016-03-07")
    aid = [r for r in out["relations"] if (r["source_actor"], r["target_actor"]) == ("EU", "GRC")]
    assert aid and all(r["status"] == "occurred" for r in aid)
    assert all(r["event_date"] is None or r["event_date"].isoformat() <= "2016-03-07" for r in aid)


@pytest.mark.parametrize(
    "text",
    [
        "FIFA said a ruling on sanctions against Turkey would follow the match.",
        "The Turkish federation has faced sanctions over the behaviour of its fans before.",
    ],
)
def test_error_kind_a_sports_bodys_penalties_are_no_state_sanctions(parse, text):
    # Judged: UEFA weighing "sanctions against Russia" over football violence stored as sanctions on
    # Russia (no sender): a sports body's penalty is not a sanction regime.
    assert not rows(parse, text, "2016-06-14")["sanctions"]


def test_error_kind_a_court_refusing_an_application_denies_no_claim(parse):
    # Judged: "the U.S. Supreme court denied his application for a stay" stored as a US denial.
    assert not rows(parse, "The British High Court denied her request for an appeal hearing.", "2016-03-08")["denials"]


@pytest.mark.parametrize(
    "text",
    [
        "Members of the Pakistani-American community welcomed the speech of the Pakistani prime minister.",
        "The attack in Manila was blamed on Indonesian fugitives.",
        "The data pact was struck down by a German court over concerns about American spying.",
    ],
)
def test_error_kind_communities_fugitives_and_courts_are_not_their_state(parse, text):
    # Judged: an Indian-American community's praise stored as the USA's, "Malaysian fugitives" as
    # Malaysia, "a top EU court" striking down a pact as EU criticism of the USA.
    assert not rows(parse, text, "2016-03-08")["relations"]


def test_error_kind_a_bloc_that_names_its_members_is_not_their_partner(parse):
    # Judged: "Saudi Arabia and fellow OPEC members Qatar and Venezuela agreed with non-OPEC member
    # Russia" stored as an OPEC-Saudi agreement; the members named are the parties. (The judge took
    # Saudi Arabia and Venezuela agreeing together as right: parties of one agreement.)
    text = "Vietnam and fellow ASEAN members Laos and Cambodia agreed with non-ASEAN member China to build a railway."
    out = rows(parse, text, "2016-03-08")
    pairs = {frozenset((r["source_actor"], r["target_actor"])) for r in out["relations"]}
    pairs |= {frozenset((r["actor_a"], r["actor_b"])) for r in out["cooperation"]}
    assert not [p for p in pairs if "ASEAN" in p]
    assert {frozenset(("VNM", "CHN")), frozenset(("LAO", "CHN")), frozenset(("KHM", "CHN"))} <= pairs


def test_error_kind_who_only_reports_a_meeting_is_no_party_of_it(parse):
    # Judged: "North Korea gave a visiting U.N. official a message ..., the South Korean Unification
    # Ministry said" stored as South Korea meeting North Korea and the UN.
    text = (
        "North Korea held talks with a visiting U.N. envoy on Tuesday about returning to the negotiations, "
        "the South Korean foreign ministry said."
    )
    out = rows(parse, text, "2016-03-09")
    pairs = {frozenset((r["source_actor"], r["target_actor"])) for r in out["relations"]}
    assert frozenset(("PRK", "UN")) in pairs
    assert not [p for p in pairs if "KOR" in p]


def test_error_kind_a_speaker_named_again_in_the_report_stays_a_party(parse):
    # The reporter rule must not take the speaker's own plans: "Iran said talks with the EU would
    # resume" is Iran's meeting.
    out = rows(parse, "Iran said talks with the EU would resume next week.", "2016-03-09")
    assert ("EU", "IRN", "meeting", "planned") in relation_keys(out)


def test_error_kind_a_trip_joined_to_what_a_future_verb_governs_is_planned(parse):
    # Judged: "... which will include a Group of Seven summit in Japan and his first trip to
    # Vietnam" stored as an occurred visit: the second conjunct was read without its governor.
    text = "Obama leaves for Asia on Friday, which will include a summit in Tokyo and his first trip to Laos."
    visits = [r for r in rows(parse, text, "2016-05-18")["relations"] if r["relation_type"] == "visit"]
    assert ("USA", "LAO") in {(r["source_actor"], r["target_actor"]) for r in visits}
    assert all(r["status"] == "planned" for r in visits)


@pytest.mark.parametrize(
    "things",
    ["the joint military exercises", "the annual military exercises and joint patrols"],
)
def test_error_kind_not_to_mention_adds_and_does_not_negate(parse, things):
    # Annotated articles: "not to mention the annual military exercises and joint patrols between
    # Manila and Washington" is military cooperation under way, not a negated one.
    text = f"Four new sites were named for the defence pact, not to mention {things} between Manila and Washington."
    out = rows(parse, text, "2023-06-01")
    assert ("PHL", "USA", "military_cooperation", "occurred") in relation_keys(out)


def _headlined(title: str, body: str, published: str):
    import datetime as dt

    from relata.extractors.document import ArticleMeta, article_id_for
    from relata.extractors.pipeline import parse_article

    text = f"{title}\n\n{body}"
    pub = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC)
    return parse_article(ArticleMeta(article_id_for(text), pub, title), text, prefilter=False)


@pytest.mark.parametrize("learned", [True, False])
def test_error_kind_a_headline_event_takes_the_bodys_status_and_direction(learned):
    # Judged: "Inequality curbs enthusiasm for Obama visit among Cuba's poor" (the visit due the next
    # day) stored as occurred, and "Cuba casts aside rancor to welcome Obama on historic visit" as
    # Cuba visiting the USA: a headline has no tense and guesses roles; the body says.
    body = "President Barack Obama will arrive in Havana on Sunday for a three-day visit to Cuba."
    for title in ("Poverty dampens enthusiasm for Obama visit in Cuba", "Cuba welcomes Obama visit"):
        out = extract_all(_headlined(title, body, "2016-03-19"), learned=learned)[0]
        visits = {
            (r["source_actor"], r["target_actor"], r["status"])
            for r in out["relations"]
            if r["relation_type"] == "visit"
        }
        assert visits == {("USA", "CUB", "planned")}, title


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi ground troops backed by American airstrikes retook the town.",
        "American warplanes supported the Iraqi army's advance on the city.",
    ],
)
def test_error_kind_support_given_by_armed_forces_is_military_aid(parse, text):
    # Judged: "Syrian ground troops backed by Russian airstrikes" stored as verbal support; the guide
    # makes force used for the host government military aid.
    assert ("USA", "IRQ", "military_aid", "occurred") in relation_keys(rows(parse, text, "2016-03-08"))


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Last year Japan and India announced agreements on a military hotline and maritime rules.", "military"),
        ("India and Japan struck a deal on nuclear energy cooperation.", "energy"),
    ],
)
def test_error_kind_an_agreement_announced_or_struck_is_agreed_cooperation(parse, text, area):
    # Judged: "the United States and China announced agreements on a military hotline" stored as
    # cooperation under way; an agreement announced or struck is concluded ("announced plans to
    # cooperate" stays planned).
    out = rows(parse, text, "2016-03-08")
    assert ("IND", "JPN", area, "agreed") in {
        (r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in out["cooperation"]
    }
    planned = rows(parse, "China and Russia announced plans to cooperate in energy.", "2016-03-08")["cooperation"]
    assert {r["status"] for r in planned} == {"planned"}


def test_error_kind_who_is_done_without_is_no_party(parse):
    # Judged: "27 other EU leaders held their first meeting without Britain" stored as an EU-UK meeting.
    text = "The other NATO leaders held their first meeting without Turkey on Wednesday."
    assert not [
        r for r in rows(parse, text, "2016-06-29")["relations"] if "TUR" in (r["source_actor"], r["target_actor"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mexico suspended security cooperation with the United States last year.",
        "The new president dialed back cooperation with U.S. authorities.",
        "Washington froze military aid to Kyiv last month.",
    ],
)
def test_error_kind_cooperation_or_aid_suspended_is_none_under_way(parse, text):
    # Judged: "Pena Nieto dialed back cooperation with U.S. authorities" stored as economic
    # cooperation under way.
    out = rows(parse, text, "2016-03-08")
    assert not out["cooperation"]
    # (suspending cooperation with a partner rejects the partner, a rejection made)
    assert not [r for r in out["relations"] if r["status"] == "occurred" and r["relation_type"] != "rejection"]


# --- the seventh judged sample (2026-12-03, at fe4175d: 25 of 50 right) ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Supporters of Kenya's President Uhuru Kenyatta criticized on Tuesday a United Nations decision.",
        "Many Brits blame the EU's trade agreements for lost wages.",
        "The army's advances backed by allied Lebanese Hezbollah fighters cut the supply route from Turkey.",
    ],
)
def test_error_kind_supporters_counted_peoples_and_armed_groups_are_not_their_state(parse, text):
    # Judged: "Supporters of Ivory Coast's President Laurent Gbagbo criticized ... a United Nations
    # decision" stored as Ivory Coast criticising the UN; "many Brits blame the EU" as the UK
    # accusing the EU; "backed by allied Lebanese Hezbollah" as Lebanon supporting Syria.
    out = rows(parse, text, "2016-03-08")
    assert not out["relations"] and not out["cooperation"]


def test_error_kind_air_support_is_military_aid(parse):
    # Judged: "Syrian army, with Russian air support, advances inside Palmyra" stored as verbal support.
    out = rows(parse, "Iraqi army, with American air support, advances inside Mosul", "2016-03-08")
    assert ("USA", "IRQ", "military_aid", "occurred") in relation_keys(out)


def test_error_kind_two_objects_of_one_verb_are_one_side(parse):
    # Judged: "they negotiated ... with Afghan government and UN officials" stored as Afghanistan
    # meeting the UN.
    out = rows(parse, "Obama met Modi and Abe on the sidelines of the summit.", "2016-03-08")
    pairs = {frozenset((r["source_actor"], r["target_actor"])) for r in out["relations"]}
    assert {frozenset(("USA", "IND")), frozenset(("USA", "JPN"))} <= pairs
    assert frozenset(("IND", "JPN")) not in pairs


def test_error_kind_a_blacklist_of_no_state_is_no_sanction(parse):
    # Judged: "members of Trump's media blacklist" and a joke about a TV show's blacklist stored as
    # sanctions on the article's country.
    text = "Spokesperson Hope Hicks let several members of the media blacklist into the event in Moscow."
    assert not rows(parse, text, "2016-03-08")["sanctions"]
    kept = rows(parse, "Washington added the Chinese firm to a U.S. trade blacklist last year.", "2016-03-08")
    assert ("USA", "CHN") in {(r["sender"], r["target"]) for r in kept["sanctions"]}


def test_error_kind_they_who_said_it_are_the_speakers_not_the_actors_inside_their_phrase(parse):
    # Judged: "Militants holding hostage three foreign UN workers in Afghanistan said they negotiated
    # yesterday with Afghan government and UN officials" stored as Afghanistan meeting the UN.
    text = (
        "Gunmen holding two UN engineers in Somalia said they negotiated on Monday with Somali "
        "government and UN officials but that the talks ended without results."
    )
    out = rows(parse, text, "2016-03-08")
    assert frozenset(("SOM", "UN")) not in {frozenset((r["source_actor"], r["target_actor"])) for r in out["relations"]}


def test_error_kind_any_future_agreement_is_none_in_particular(parse):
    # Judged: "Israel says it intends to keep large settlement blocs in any future peace agreement
    # with the Palestinians" stored as a planned agreement.
    text = "Morocco says it intends to keep its claims in any future peace agreement with Algeria."
    assert not rows(parse, text, "2016-03-08")["relations"]
    signed = rows(parse, "Morocco and Algeria signed an agreement without any delay.", "2016-03-08")
    assert ("DZA", "MAR", "agreement", "occurred") in relation_keys(signed)


def test_error_kind_agreeing_that_something_is_so_is_no_agreement_and_counterparts_are_one_side(parse):
    # Judged: "met his South Korean and Japanese counterparts in Seoul ... and said they had agreed
    # that a 'meaningful' new sanctions resolution was needed" stored as a Japan-South Korea
    # agreement (a shared view) and the two counterparts meeting each other.
    text = (
        "The U.S. envoy met his Indian and Japanese counterparts in Delhi on Wednesday and said they "
        "had agreed that a stronger statement was needed from the Security Council."
    )
    out = rows(parse, text, "2016-03-08")
    assert not [r for r in out["relations"] if r["relation_type"] == "agreement"]
    # (the Japanese counterpart met in Delhi is visiting India: a visit, not a meeting of the two)
    assert frozenset(("IND", "JPN")) not in {
        frozenset((r["source_actor"], r["target_actor"])) for r in out["relations"] if r["relation_type"] != "visit"
    }
    deal = rows(parse, "India and Japan agreed to expand defence cooperation.", "2016-03-08")
    assert ("IND", "JPN", "agreement", "occurred") in relation_keys(deal)
    # Agreeing that something will be done is agreeing to act (the annotated corpus counts it).
    act = rows(parse, "Modi and Abe agreed that their governments would hold formal talks on maritime security.")
    assert ("IND", "JPN", "agreement", "occurred") in relation_keys(act)


def test_error_kind_a_denial_of_services_is_withholding_them(parse):
    # Judged: "U.S. judge blocks Mississippi law allowing denial of services to LGBT people" stored
    # as a US denial.
    text = "A Canadian court blocked a provincial law allowing denial of services to migrants."
    assert not rows(parse, text, "2016-03-08")["denials"]


def test_error_kind_talks_someone_is_appointed_to_lead_are_planned(parse):
    # Judged: "appointing Belgian diplomat Didier Seeuws to coordinate negotiations with Britain"
    # stored as EU-UK negotiations that occurred.
    out = rows(parse, "The EU appointed an envoy to lead talks with Turkey.", "2016-06-29")
    assert ("EU", "TUR", "meeting", "planned") in relation_keys(out)
    assert ("EU", "TUR", "meeting", "occurred") not in relation_keys(out)


def test_error_kind_any_under_a_denial_is_the_denied_event(parse):
    # Annotated corpus: "both China and Cambodia have denied any formal agreement granting ..." is a
    # denial of an agreement (the 'any' of a future agreement must not make it none).
    text = "Both China and Cambodia have denied any formal agreement granting the Chinese navy use of the base."
    out = rows(parse, text, "2023-06-01")
    assert {(r["denier"], r["denied_type"]) for r in out["denials"]} == {("CHN", "agreement"), ("KHM", "agreement")}


def test_error_kind_a_delayed_visit_is_still_planned(parse):
    # Annotated corpus: "It also delayed Indian Prime Minister Narendra Modi's official visit to
    # Thailand" is a planned visit (a delay moves it; it neither happened nor was called off).
    out = rows(parse, "The crisis also delayed Japanese Prime Minister Abe's official visit to India.", "2016-03-08")
    assert ("JPN", "IND", "visit", "planned") in relation_keys(out)


# --- the eighth judged sample (2026-12-03, 600 articles, 100 rows) ----------------------------


def test_error_kind_who_condemns_or_investigates_an_attack_did_not_carry_it_out(parse):
    for text in (
        "Japan condemned the attack on South Korea.",
        "France denounced the missile strikes on Ukraine.",
        "Kenyan police held four men over the al-Shabaab attacks on Nairobi and Mombasa.",
    ):
        assert not [r for r in rows(parse, text)["relations"] if r["relation_type"] == "attack"], text
    # Who carries it out still does.
    assert ("RUS", "UKR", "attack", "occurred") in relation_keys(rows(parse, "Russia launched an attack on Ukraine."))


def test_error_kind_blaming_an_attack_on_a_state_accuses_it(parse):
    keys = relation_keys(
        rows(parse, "Britain and France blamed the shelling on the government of President Nicolas Maduro.")
    )
    assert {("GBR", "VEN", "accusation", "occurred"), ("FRA", "VEN", "accusation", "occurred")} <= keys
    assert not [k for k in keys if k[2] == "attack"]


def test_error_kind_a_threatened_attack_is_a_threat_not_an_attack(parse):
    for text in ("Iran threatened to strike Israel.", "Iran has threatened an attack on Israel."):
        keys = relation_keys(rows(parse, text))
        assert ("IRN", "ISR", "threat", "occurred") in keys and not [k for k in keys if k[2] == "attack"], text


def test_error_kind_welcoming_a_leader_hosts_a_visit_and_praises_nothing(parse):
    keys = relation_keys(rows(parse, "Kenya welcomed China's president on Monday."))
    assert ("CHN", "KEN", "visit", "occurred") in keys and not [k for k in keys if k[2] == "praise"]
    # Welcoming a decision still praises it.
    assert ("KEN", "CHN", "praise", "occurred") in relation_keys(
        rows(parse, "Kenya welcomed China's decision to cut tariffs.")
    )


def test_error_kind_a_militant_group_or_private_sector_is_not_its_state(parse):
    for text in (
        "The chief of militant Somali group al-Shabaab dismissed an African Union demand for the group to disarm.",
        "Japan's private sector poured money into India's railways last year.",
    ):
        assert not rows(parse, text)["relations"], text
    # The state's own armed forces are the state.
    assert ("RUS", "UKR", "attack", "occurred") in relation_keys(rows(parse, "Russian armed forces attacked Ukraine."))


def test_error_kind_who_reports_what_a_named_non_state_envoy_did_is_no_party(parse):
    text = "The envoy of the Aga Khan has arrived in Tajikistan for talks, officials in London said on Monday."
    assert not [r for r in rows(parse, text)["relations"] if "GBR" in (r["source_actor"], r["target_actor"])]


def test_error_kind_separate_meetings_pair_no_one(parse):
    text = "Brazil's president and Argentina's president held separate meetings in Geneva this week."
    assert not [
        r
        for r in rows(parse, text, "2024-06-01")["relations"]
        if {r["source_actor"], r["target_actor"]} == {"ARG", "BRA"}
    ]


def test_error_kind_is_to_and_set_to_are_still_to_come(parse):
    keys = relation_keys(rows(parse, "Russia is to attack Ukraine, the ministry warned."))
    assert ("RUS", "UKR", "attack", "occurred") not in keys
    coop = rows(parse, "The EU is set to sign a trade agreement with Chile later this month.", "2024-06-18")[
        "cooperation"
    ]
    assert coop and {r["status"] for r in coop if {r["actor_a"], r["actor_b"]} == {"CHL", "EU"}} == {"planned"}


def test_error_kind_cooperation_a_signing_brings_is_agreed(parse):
    text = "Egypt and Greece signed six memoranda last week, boosting cooperation in energy and education."
    coop = rows(parse, text, "2024-06-18")["cooperation"]
    ruled = [r for r in coop if r["area"] in ("energy", "education")]
    assert len(ruled) == 2 and {r["status"] for r in ruled} == {"agreed"}


def test_error_kind_the_parties_to_a_many_nation_pact_are_not_paired_into_bilateral_deals(parse):
    text = (
        "Japan, Australia, Canada, Chile, Mexico, Peru, Vietnam, Malaysia, Singapore, Brunei and New Zealand "
        "signed the trade pact."
    )
    assert not [r for r in rows(parse, text)["relations"] if r["relation_type"] == "agreement"]


def test_error_kind_a_date_in_an_adverbial_clause_dates_that_clauses_event_only(parse):
    text = "After ending his stay in Chile on Friday, Brazil's president will fly on to Peru and Bolivia."
    out = rows(parse, text, "2024-05-06")["relations"]
    trips = [r for r in out if r["source_actor"] == "BRA" and r["target_actor"] in ("PER", "BOL")]
    assert len(trips) == 2 and all(r["event_date"] is None and r["status"] == "planned" for r in trips)
    # Known gap (2026-12-03): in a sentence of this shape the retrained pairs model may add a visit
    # from the first country to the next ones ("Spain visiting Italy" in the judged article).


def test_error_kind_backing_for_a_bid_is_for_who_receives_it_not_what_it_is_for(parse):
    text = "Nigeria won French backing for a permanent seat on the U.N. Security Council."
    keys = relation_keys(rows(parse, text))
    assert ("FRA", "NGA", "support", "occurred") in keys and ("FRA", "UN", "support", "occurred") not in keys


def test_error_kind_military_aid_received_is_military_not_also_economic(parse):
    keys = relation_keys(rows(parse, "Ukraine received military aid from the United States."))
    assert ("USA", "UKR", "military_aid", "occurred") in keys and ("USA", "UKR", "economic_aid", "occurred") not in keys


def test_error_kind_an_event_noun_of_what_will_be_done_is_still_to_come(parse):
    text = "Canada will soon complete the review of the Canada-Mexico Trade Agreement."
    out = rows(parse, text, "2024-06-18")
    assert not [r for r in out["relations"] if r["status"] == "occurred"]
    # The rules read the cooperation as still to come, and so do the model's rows (their status
    # follows the parse where it reads the area's cue, decided._cooperation_status).
    assert not [r for r in out["cooperation"] if r["status"] in ("agreed", "ongoing")]
    ruled = extract_all(parse(text, "2024-06-18"), learned=False)[0]["cooperation"]
    assert not [r for r in ruled if r["status"] in ("agreed", "ongoing")]


# --- found by the judged sample of the night of 2026-12-03 (draw seed 22) --------------------------


def test_error_kind_a_place_named_after_a_country_is_not_that_country(parse):
    # A naval station or a lake that carries a country's name lies elsewhere: no visit to the country.
    text = "U.S. Defense Secretary Ashton Carter later flew to Naval Air Station Kenya Lake in Nevada to watch missile tests."
    out = rows(parse, text)
    assert not [r for r in out["relations"] if "KEN" in (r["source_actor"], r["target_actor"])]
    # while the country itself still counts
    keys = relation_keys(
        rows(parse, "U.S. Defense Secretary Ashton Carter later flew to Kenya to watch missile tests.")
    )
    assert ("USA", "KEN", "visit", "occurred") in keys


def test_error_kind_a_language_or_origin_adjective_is_not_the_state(parse):
    text = "Pope Francis' visit to the world's largest Portuguese-speaking nation comes as it struggles with crime."
    out = rows(parse, text)
    assert not [r for r in out["relations"] if "PRT" in (r["source_actor"], r["target_actor"])]
    out = rows(parse, "Japanese officials met US-based, Chinese-born engineers in Tokyo.")
    assert not [r for r in out["relations"] if {"USA", "CHN"} & {r["source_actor"], r["target_actor"]}]


def test_error_kind_members_of_a_diaspora_do_not_act_for_their_country(parse):
    text = "Members of the Indian community in Britain praised Prime Minister David Cameron's speech."
    assert not [r for r in rows(parse, text)["relations"] if "IND" in (r["source_actor"], r["target_actor"])]
    # a delegation's members do act for it
    text = "Members of the Chinese delegation praised Prime Minister David Cameron's speech."
    assert ("CHN", "GBR", "praise", "occurred") in relation_keys(rows(parse, text))


@pytest.mark.parametrize(
    "text",
    ["Filipino Catholics praised Pope Francis after Mass in Manila.", "Indonesian Muslims protested against France."],
)
def test_error_kind_believers_of_a_faith_do_not_act_for_their_country(parse, text):
    # Judged (21st sample): a country's Catholics' support for the Pope stored as their state's
    # (a model row; the rules had none): faithful are private people, as voters and diasporas are.
    assert not rows(parse, text, "2016-02-21")["relations"]


def test_error_kind_railways_built_as_projects_are_infrastructure_not_transport(parse):
    text = "China has poured billions into Kenyan infrastructure and industrial projects, including the Nairobi-Mombasa railway."
    areas = {r["area"] for r in rows(parse, text, "2024-06-18")["cooperation"]}
    assert "infrastructure" in areas and "transport" not in areas
    text = "Kenya and Tanzania agreed to cooperate on the Lamu Port project."
    areas = {r["area"] for r in rows(parse, text, "2024-06-18")["cooperation"]}
    assert "infrastructure" in areas and "transport" not in areas


def test_error_kind_cooperation_a_government_will_push_for_is_planned(parse):
    text = (
        "The new Kenyan government will promote the alignment of plans between Kenya and Japan and push for "
        "more results in cooperation in fields such as the economy, trade and health, he said."
    )
    out = rows(parse, text, "2024-06-18")["cooperation"]
    assert not [r for r in out if r["status"] in ("agreed", "ongoing")]
    # the same holds for cooperation rows the trained model adds: their status follows the parse's "will"
    text = '"Japan will greatly expand its cooperation with Vietnam and jointly raise the trade volume," Abe said.'
    out = rows(parse, text, "2024-06-18")["cooperation"]
    assert not [r for r in out if r["status"] in ("agreed", "ongoing")]


def test_error_kind_a_date_of_what_the_event_followed_does_not_date_the_event(parse):
    text = "Obama criticised Britain over the chaos that followed the ouster of Gaddafi in 2011."
    found = [r for r in rows(parse, text, "2016-04-11")["relations"] if r["relation_type"] == "criticism"]
    assert found and all(r["event_date"] is None for r in found)
    text = "Obama accused Britain of neglect after the 2011 war in Libya."
    found = [r for r in rows(parse, text, "2016-04-11")["relations"] if r["relation_type"] == "accusation"]
    assert found and all(r["event_date"] is None for r in found)
    # a day named after "after" is most often the event's day too: kept
    text = "After summit talks in Delhi on Thursday, Japan and India signed 12 agreements."
    found = [r for r in rows(parse, text, "2016-04-08")["relations"] if r["relation_type"] == "agreement"]
    assert found and {str(r["event_date"]) for r in found} == {"2016-04-07"}


def test_error_kind_a_city_named_on_talks_is_their_venue_not_a_partner(parse):
    text = "At the Lima climate talks last year, Japan promised it would do its part to fight global warming."
    out = rows(parse, text, "2016-05-01")["cooperation"]
    assert not [r for r in out if "PER" in (r["actor_a"], r["actor_b"])]
    # two capitals joined name the parties (of the talks; whether trade cooperation is also stored
    # is the cooperation model's cut, 0.50 since 2026-12-04)
    text = "The Beijing-Washington talks on trade cooperation will resume next week."
    out = rows(parse, text, "2016-05-01")
    parties = {(r["source_actor"], r["target_actor"]) for r in out["relations"]}
    parties |= {(r["actor_a"], r["actor_b"]) for r in out["cooperation"]}
    assert parties == {("CHN", "USA")}


# --- found by the judged sample of 2026-12-03, late (draw seed 23) -------------------------------


def test_error_kind_what_a_planned_trip_is_for_is_planned_too(parse):
    keys = relation_keys(
        rows(parse, "Afghan President Ashraf Ghani is to visit India to discuss fighting terror and trade.")
    )
    assert ("AFG", "IND", "meeting", "planned") in keys and ("AFG", "IND", "meeting", "occurred") not in keys


def test_error_kind_a_visit_someone_prepares_to_embark_on_is_planned(parse):
    text = "As Foreign Minister Lavrov prepares to embark on his visit to Kenya, the stage is set for closer ties."
    keys = relation_keys(rows(parse, text))
    assert ("RUS", "KEN", "visit", "planned") in keys and ("RUS", "KEN", "visit", "occurred") not in keys
    assert ("RUS", "KEN", "visit", "occurred") in relation_keys(
        rows(parse, "Lavrov arrived on a state visit to Kenya.")
    )


def test_error_kind_discussions_toward_an_agreement_have_not_concluded_it(parse):
    text = "We are beginning exploratory discussions toward a Kenya-Canada Free Trade Agreement."
    assert not [r for r in rows(parse, text)["relations"] if r["status"] == "occurred"]
    text = "The mediators will send envoys to the region next week in hopes of restarting Russian-Ukrainian talks."
    assert not [r for r in rows(parse, text)["relations"] if r["status"] == "occurred"]


def test_error_kind_a_firms_shareholder_is_no_state(parse):
    text = (
        "British investment firm Vantage said it would push ahead with talks after reaching agreement "
        "with the Spanish mobile operator's biggest shareholder Telco."
    )
    assert not rows(parse, text)["relations"]
    text = "Britain reached agreement with the Spanish government's chief negotiator."
    assert ("ESP", "GBR", "agreement", "occurred") in relation_keys(rows(parse, text))


def test_error_kind_what_a_sentence_says_was_an_attack_has_no_doer_in_its_subject(parse):
    text = (
        "Qatar was asked to stop its citizens funding militants. Though it was the worst attack on "
        "American soil since 2001, the Orlando shooting fit no category."
    )
    assert not [r for r in rows(parse, text)["relations"] if r["relation_type"] == "attack"]


# --- status errors found on the annotated corpus's rows (2026-12-04) ---------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A predicative adjective's subject does what its infinitive says; "due", "keen" look ahead.
        ("The Italian president is due to travel to China next year.", ("ITA", "CHN", "visit", "planned")),
        ("Vietnam is keen to host the Chinese president.", ("CHN", "VNM", "visit", "planned")),
        # ... and a past-tense "was quick to" did what it says
        ("Germany was quick to condemn Iran over the executions.", ("DEU", "IRN", "criticism", "occurred")),
    ],
)
def test_error_kind_the_subject_of_a_predicative_adjective_does_what_its_infinitive_says(parse, text, want):
    assert want in relation_keys(rows(parse, text, "2026-02-20"))


def test_error_kind_being_ready_to_sign_a_deal_is_cooperation_still_to_come(parse):
    out = rows(parse, "Vietnam is ready to sign a trade deal with Japan.", "2026-02-20")["cooperation"]
    assert out and {r["status"] for r in out if {r["actor_a"], r["actor_b"]} == {"JPN", "VNM"}} == {"planned"}
    out = rows(parse, "Vietnam agreed to boost trade with Japan.", "2026-02-20")["cooperation"]
    assert out and {r["status"] for r in out if {r["actor_a"], r["actor_b"]} == {"JPN", "VNM"}} == {"agreed"}


def test_error_kind_a_chinese_leader_named_again_by_family_name_is_still_the_state(parse):
    # Found on the annotated corpus: "Li" after "Premier Li Qiang" resolved to no one, so the trip
    # and talks of the sentence had no Chinese party.
    text = "Chinese Premier Li Qiang landed on Monday. Li held talks with Malaysian Prime Minister Anwar Ibrahim."
    assert ("CHN", "MYS", "meeting", "occurred") in relation_keys(rows(parse, text, "2024-06-20"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Russian defence ministry lashed out at the United States on Thursday.", ("RUS", "USA", "criticism")),
        ("Beijing has long railed against Washington's alliances.", ("CHN", "USA", "criticism")),
        ("The Timorese president derided Australia for its suspicions.", ("TLS", "AUS", "criticism")),
        ("Tokyo complained about Chinese coast guard patrols near the islands.", ("JPN", "CHN", "criticism")),
    ],
)
def test_error_kind_criticism_in_words_the_lexicon_lacked(parse, text, want):
    # Found among the annotated corpus's missed criticism: "lashed out at", "railed against", "derided".
    assert want in {k[:3] for k in relation_keys(rows(parse, text, "2026-02-20"))}


def test_error_kind_talks_during_which_the_subject_acted_are_its_talks(parse):
    # Found among the annotated corpus's missed meetings: the parser hangs "during" on the object noun.
    text = "On Monday, the US envoy called for an end to the fighting during talks with Azerbaijani President Ilham Aliyev."
    assert ("AZE", "USA", "meeting") in {k[:3] for k in relation_keys(rows(parse, text, "2024-11-20"))}


def test_error_kind_a_leader_out_of_office_acts_for_the_state_in_a_sentence_dated_in_their_term(parse):
    # Found among the annotated corpus's missed visits: a past trip told with its year.
    text = "In October 2016, Duterte traveled to Beijing and met Xi Jinping."
    assert ("PHL", "CHN", "visit", "occurred") in relation_keys(rows(parse, text, "2024-11-20"))
    # Undated, a former leader is no state's voice.
    assert not rows(parse, "Duterte criticised China on Monday.", "2024-11-20")["relations"]


def test_error_kind_a_negation_in_another_clause_does_not_negate_this_one(parse):
    # "did not name them, but X blamed Y": the second clause has its own subject, and its own polarity.
    text = "The report did not name the hackers, but the United States has blamed the cyberattack on North Korea."
    assert ("USA", "PRK", "accusation") in {k[:3] for k in relation_keys(rows(parse, text, "2016-03-20"))}
    # A shared subject still shares the negation: "did not visit Japan and sign the deal".
    text = "The Chinese premier did not travel to Japan and sign the deal."
    assert not [r for r in rows(parse, text, "2016-03-20")["relations"] if r["status"] == "occurred"]


def test_error_kind_a_countrys_people_are_not_its_state(parse):
    text = "Taiwan's 23 million people overwhelmingly reject China's claim to the island."
    out = rows(parse, text, "2024-01-24")
    assert not out["relations"] and not out["denials"]


# --- found by the judged sample of 2026-12-04 (draw seed 25) ---------------------------------------


def test_error_kind_a_sanctions_tool_called_for_is_no_regime_on_anyone(parse):
    # The article is about Myanmar and the United States; "a sanctions mechanism" is a kind of tool
    # the bloc is urged to adopt, no sanctions by anyone on anyone.
    text = (
        "The United States has pressed Myanmar's generals to free political prisoners. "
        "An analyst said ASEAN should adopt a sanctions mechanism to enforce its own agenda."
    )
    assert rows(parse, text, "2024-03-01")["sanctions"] == []


def test_error_kind_a_bloc_a_trade_partner_is_counted_in_is_no_party_of_the_trade(parse):
    text = (
        "Singapore, also Indonesia's third-largest trade partner in ASEAN, aims for US$30 billion in "
        "two-way trade, including food trade, by 2027."
    )
    out = rows(parse, text, "2024-03-01")
    assert {(r["actor_a"], r["actor_b"], r["area"]) for r in out["cooperation"]} == {("IDN", "SGP", "trade")}
    assert not [r for r in out["relations"] if "ASEAN" in (r["source_actor"], r["target_actor"])]


def test_error_kind_a_meeting_in_a_present_tense_when_clause_is_still_to_come(parse):
    # Published on Sunday 20 March 2016: "when they meet on Monday" is the next day, not the last.
    text = (
        "Japan's prime minister will travel to India this week. "
        "Few breakthroughs are expected when Shinzo Abe and Narendra Modi meet on Monday in New Delhi."
    )
    out = rows(parse, text, "2016-03-20")
    met = [
        r
        for r in out["relations"]
        if r["relation_type"] == "meeting" and {r["source_actor"], r["target_actor"]} == {"IND", "JPN"}
    ]
    assert met and all(r["status"] == "planned" for r in met)
    assert {r["event_date"].isoformat() for r in met if r["event_date"]} <= {"2016-03-21"}


def test_error_kind_joining_a_pact_one_is_urged_to_join_has_not_happened(parse):
    text = (
        "Gulf ministers said they would encourage Jordan and Morocco to accede to a defence pact with "
        "their six-nation GCC group that Egypt signed."
    )
    out = rows(parse, text, "2016-03-20")
    joined = [
        r
        for r in out["relations"]
        if r["relation_type"] == "agreement" and "GCC" in (r["source_actor"], r["target_actor"])
    ]
    # encouraged to accede, like urged, is not even planned: no row (it was a pact joined)
    assert not joined


def test_error_kind_agreements_named_only_as_the_means_someone_calls_for_were_not_made(parse):
    text = "Italy needed to curb the arrivals through agreements with neighbouring Slovenia, the minister told a newspaper."
    out = rows(parse, text, "2016-03-20")
    assert not [r for r in out["relations"] if r["relation_type"] == "agreement" and r["status"] == "occurred"]


def test_error_kind_an_act_a_state_is_deterred_from_is_neither_done_nor_done_by_the_deterrent(parse):
    # The carriers deter Iran from striking; neither the United States nor Iran struck Israel.
    text = "Two US destroyers sailed into the Gulf this week in an effort to deter Iran from attacking Israel."
    out = rows(parse, text, "2024-08-20")
    assert not [r for r in out["relations"] if r["relation_type"] == "attack"]


def test_error_kind_a_trip_timed_by_a_planned_act_is_planned_too(parse):
    # Published on Saturday 16 July 2016: the Monday meeting and the trip after it are both ahead.
    text = "Kerry is due to attend a meeting of NATO ministers in Brussels on Monday before heading to Britain."
    out = rows(parse, text, "2016-07-16")
    trip = [
        r
        for r in out["relations"]
        if (r["source_actor"], r["target_actor"], r["relation_type"]) == ("USA", "GBR", "visit")
    ]
    assert trip and all(r["status"] == "planned" for r in trip)


# --- found by the judged sample of 2026-12-04 (draw seed 27) ---------------------------------------


def test_error_kind_the_latter_is_the_last_actor_named_not_the_sentences_subject(parse):
    # Canada did not attack Israel: "the latter" is Iran, the one named just before it.
    text = "Canada expelled two diplomats of Iran after the latter's attack on Israel."
    out = rows(parse, text, "2016-03-20")
    attacks = {(r["source_actor"], r["target_actor"]) for r in out["relations"] if r["relation_type"] == "attack"}
    assert ("CAN", "ISR") not in attacks
    assert attacks <= {("IRN", "ISR")}


@pytest.mark.parametrize(
    "text",
    [
        "A Dutch newspaper criticised Serbia over the arrest of two reporters.",
        "Serbia was criticised by a Dutch newspaper for the arrests.",
        "The German daily praised Serbia for the reforms.",
    ],
)
def test_error_kind_a_newspaper_speaks_for_itself_not_for_its_country(parse, text):
    out = rows(parse, text, "2016-03-20")
    assert not [r for r in out["relations"] if "SRB" in (r["source_actor"], r["target_actor"])]


@pytest.mark.parametrize(
    "text, key",
    [
        ("Chinese state television criticised Japan over the island dispute.", ("CHN", "JPN", "criticism", "occurred")),
        ("Russia's state broadcaster accused Ukraine of shelling Donetsk.", ("RUS", "UKR", "accusation", "occurred")),
    ],
)
def test_error_kind_the_states_own_broadcaster_still_speaks_for_it(parse, text, key):
    assert key in relation_keys(rows(parse, text, "2016-03-20"))


# --- found by the judged sample of 2026-12-04, evening (draw seed 28: 27 of 50 right) ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Colombian singer Shakira praised Mexico for its support.",
        "Mexican drug lord Joaquin Guzman met Colombian Pablo Escobar in 1989.",
        # and a pronoun for one (seed 29: a US visit)
        "American tourist Jane Doe loves the Andes. She met her husband during a tourist trip in Puno, Peru.",
        "Colombian singer Shakira arrived in Madrid. She praised Spain for its support.",
        # a leader's relative (nineteenth sample: a nephew's errand in Paris as a Palestinian visit)
        "TUNIS - Ali Said, a nephew of the late Egyptian president Gamal Abdel Nasser, flew to Rome from Tunis "
        "on Monday to see a doctor.",
        "The wife of the Turkish president visited Somalia.",
    ],
)
def test_error_kind_a_private_person_acts_for_no_state(parse, text):
    # A singer, a drug lord, a tourist or a leader's relative is a private person: no office makes
    # them act for their country.
    assert rows(parse, text, "2016-01-12")["relations"] == []


def test_error_kind_a_named_official_still_acts_for_the_state(parse):
    out = rows(parse, "Russian envoy Vassily Nebenzia criticised Ukraine over the shelling.", "2016-01-12")
    assert ("RUS", "UKR", "criticism", "occurred") in relation_keys(out)
    # also travelling with a relative
    out = rows(parse, "Turkish President Erdogan and his wife visited Somalia.", "2016-01-12")
    assert ("TUR", "SOM", "visit", "occurred") in relation_keys(out)


def test_error_kind_it_is_neither_a_pair_of_subjects_nor_a_modifier_of_its_own_phrase(parse):
    # "It" is North Korea ("the North"): not "South Korea and Japan", not the U.N. of "U.N. sanctions".
    text = (
        "North Korea fired a missile on Friday. South Korea and Japan announced new measures against the "
        "North, which conducted a nuclear test this year, resulting in new U.N. sanctions against it."
    )
    found = {(r["sender"], r["target"]) for r in rows(parse, text, "2016-03-20")["sanctions"]}
    assert found == {("UN", "PRK")}


def test_error_kind_a_deal_ruled_out_was_not_made(parse):
    out = rows(parse, "The Palestinian president ruled out an interim deal with Israel.", "2016-09-01")
    assert not [r for r in out["relations"] if r["relation_type"] == "agreement"]


def test_error_kind_a_summit_that_is_to_be_held_is_planned_and_dated_ahead(parse):
    # Published on Thursday 1 September 2016: "on Sunday" is the 4th.
    out = rows(parse, "The annual ASEAN-China summit is to be held in Laos on Sunday.", "2016-09-01")
    met = [r for r in out["relations"] if r["relation_type"] == "meeting"]
    assert met and {(r["status"], str(r["event_date"])) for r in met} == {("planned", "2016-09-04")}


def test_error_kind_welcome_to_visit_is_an_invitation_not_a_visit(parse):
    text = "A Cuban official said Obama was welcome to visit Cuba but not to meddle in its affairs."
    visits = [r for r in rows(parse, text, "2016-09-01")["relations"] if r["relation_type"] == "visit"]
    assert all(r["status"] != "occurred" for r in visits)


def test_error_kind_a_surname_first_seen_without_office_is_the_official_named_later(parse):
    # A headline's "Cuba's Castro", then "President Raul Castro": the bare "Castro" after is the president.
    text = (
        "Obama spars with Cuba's Castro. President Raul Castro met Obama in Havana on Monday. "
        "Later Castro praised Obama for his openness."
    )
    assert ("CUB", "USA", "praise", "occurred") in relation_keys(rows(parse, text, "2016-03-22"))


def test_error_kind_a_possessive_month_dates_its_noun_not_the_agreement(parse):
    # "January's levels" are what the output is frozen at; the agreement is not dated January.
    text = "Short-covering started after Saudi Arabia and Russia agreed to freeze output at January's levels."
    deals = [r for r in rows(parse, text, "2016-02-19")["relations"] if r["relation_type"] == "agreement"]
    assert deals and all(r["event_date"] is None or r["event_date"].month != 1 for r in deals)


@pytest.mark.parametrize(
    "text",
    ["Will the ASEAN leaders travel to Washington for the summit?", "Did Obama meet Castro in Havana?"],
)
def test_error_kind_a_yes_no_question_states_no_event(parse, text):
    assert rows(parse, text, "2024-04-20")["relations"] == []


def test_error_kind_a_wh_question_takes_its_event_as_given(parse):
    out = rows(parse, "Why did Russia invade Ukraine in 2022?", "2024-04-20")
    assert ("RUS", "UKR", "attack", "occurred") in relation_keys(out)


def test_error_kind_a_states_white_paper_is_still_the_state(parse):
    # "paper" is no news outlet here: a defence white paper is the government's.
    out = rows(parse, "China's defence white paper criticised Japan over its military build-up.", "2016-03-20")
    assert ("CHN", "JPN", "criticism", "occurred") in relation_keys(out)


def test_error_kind_what_plans_include_is_planned_not_under_way(parse):
    text = "The ministry's future plans include promoting trade exchanges between China and Thailand."
    found = [r for r in rows(parse, text, "2024-04-20")["cooperation"] if r["area"] == "trade"]
    assert found and all(r["status"] == "planned" for r in found)


def coop_keys(out: dict) -> set[tuple]:
    return {(r["actor_a"], r["actor_b"], r["area"], r["status"]) for r in out["cooperation"]}


def test_error_kind_ties_deepened_in_a_participle_clause_of_a_past_verb_are_under_way(parse):
    # "have enjoyed growing connectivity, deepening economic integration": stored as planned.
    text = "For ten years, Japan and ASEAN have enjoyed closer links, deepening economic integration and trade ties."
    assert ("ASEAN", "JPN", "economy", "ongoing") in coop_keys(rows(parse, text, "2024-03-05"))
    # the clause of a verb still to come stays planned
    text = "Japan and ASEAN will hold a summit next year, deepening economic integration."
    assert {s for *_, s in coop_keys(rows(parse, text, "2024-03-05"))} <= {"planned"}


def test_error_kind_partners_each_of_someone_unnamed_are_no_pair(parse):
    # The deals were each between European donors and one of the two countries, not between them.
    text = (
        "The Green Energy Transition Partnerships signed with Kenya and Ghana, for example, are European "
        "initiatives that pledge 2 billion dollars and 1 billion dollars to clean up the power mix of the two countries."
    )
    assert not any(
        {r["actor_a"], r["actor_b"]} == {"GHA", "KEN"} for r in rows(parse, text, "2024-03-05")["cooperation"]
    )
    # A named signer's partners stay its partners.
    assert {("CHN", "KEN", "energy", "agreed"), ("CHN", "GHA", "energy", "agreed")} <= coop_keys(
        rows(parse, "China signed energy deals with Kenya and Ghana.", "2024-03-05")
    )


def test_error_kind_the_digital_economy_is_one_area_not_two(parse):
    text = "Vietnam and Laos agreed to boost cooperation in the digital economy."
    areas = {a for _, _, a, _ in coop_keys(rows(parse, text, "2024-03-05"))}
    assert "science_technology" in areas and "economy" not in areas


def test_error_kind_a_criticism_not_yet_made_is_none_and_the_deed_it_would_judge_still_happened(parse):
    # "has yet to condemn Russia's invasion": stored as a criticism made.
    out = rows(parse, "Brazil has yet to condemn Russia's invasion of Ukraine.", "2024-03-05")
    assert not any(r["relation_type"] == "criticism" for r in out["relations"])
    assert ("RUS", "UKR", "attack", "occurred") in relation_keys(out)
    # The same for a plain negation: the invasion is what is (not) judged, and happened.
    out = rows(parse, "Brazil did not condemn Russia's invasion of Ukraine.", "2024-03-05")
    assert ("RUS", "UKR", "attack", "occurred") in relation_keys(out)


def test_error_kind_who_praises_a_deal_between_others_is_no_party_to_it(parse):
    out = rows(parse, "Japan praised the trade deal between Vietnam and Laos.", "2024-03-05")
    parties = {frozenset((r["source_actor"], r["target_actor"])) for r in out["relations"]}
    parties |= {frozenset((r["actor_a"], r["actor_b"])) for r in out["cooperation"]}
    assert frozenset(("LAO", "VNM")) in parties and not any("JPN" in p for p in parties)
    # A deal with someone is the praiser's own.
    out = rows(parse, "Obama praised the arms accord with Cuba on Friday.", "2016-04-02")
    assert any({r["source_actor"], r["target_actor"]} == {"CUB", "USA"} for r in out["relations"])


@pytest.mark.parametrize(
    "text",
    [
        "China increased assistance to ASEAN member states hit by the floods.",
        "More than half of ASEAN member states have signed trade memorandums with China.",
    ],
)
def test_error_kind_some_members_of_a_bloc_are_not_the_bloc(parse, text):
    out = rows(parse, text, "2024-03-05")
    assert not any("ASEAN" in (r["source_actor"], r["target_actor"]) for r in out["relations"])
    assert not any("ASEAN" in (r["actor_a"], r["actor_b"]) for r in out["cooperation"])


def test_error_kind_a_war_named_by_its_place_is_not_that_country(parse):
    text = "The minister dismissed claims that Canada's support for the Iraq war had hurt its security."
    assert not any(r["target_actor"] == "IRQ" for r in rows(parse, text, "2024-03-05")["relations"])
    # A war with its possessor is that possessor's.
    assert ("CAN", "ISR", "support", "occurred") in relation_keys(rows(parse, "Canada backed Israel's war in Gaza."))


def test_error_kind_firms_named_as_giants_with_their_home_countries_are_no_states(parse):
    # "auto giants including Toyota of Japan, as well as Great Wall of China, have signed up for a
    # government plan": stored as China-Japan cooperation.
    text = (
        "According to the investment board, car giants including Hyundai Motor Co of South Korea, as well as "
        "Geely and BYD of China, have signed up for a state incentive scheme to promote electric vehicle output "
        "in Vietnam."
    )
    out = rows(parse, text, "2024-05-05")
    assert not any({"CHN", "KOR"} & {r["actor_a"], r["actor_b"]} for r in out["cooperation"])
    assert not any({"CHN", "KOR"} & {r["source_actor"], r["target_actor"]} for r in out["relations"])


def test_error_kind_cooperation_between_two_countries_firms_is_not_the_states(parse):
    text = (
        "Bangladesh and China signed a deal on Monday. The project also promoted cooperation between the two "
        "countries' companies and the local infrastructure industry, he added."
    )
    assert not any(r["sentence_index"] == 1 for r in rows(parse, text, "2024-05-05")["cooperation"])
    # The two countries themselves still cooperate.
    text = "Bangladesh and China signed a deal on Monday. The two countries will boost cooperation in infrastructure."
    assert ("BGD", "CHN", "infrastructure", "planned") in coop_keys(rows(parse, text, "2024-05-05"))


def test_error_kind_a_states_diplomats_at_an_organisation_are_the_states(parse):
    # "North Korea said its U.N. diplomats met U.S. officials": stored as a UN-US meeting.
    out = rows(
        parse, "Kenya said on Saturday its U.N. diplomats met U.S. officials in New York last week.", "2024-05-05"
    )
    assert ("KEN", "USA", "meeting", "occurred") in relation_keys(out)
    assert not any("UN" in (r["source_actor"], r["target_actor"]) for r in out["relations"])
    # Without an owner, the organisation's envoy is the organisation's.
    assert any(
        {r["source_actor"], r["target_actor"]} == {"KEN", "UN"}
        for r in rows(parse, "The U.N. envoy met Kenyan officials.", "2024-05-05")["relations"]
    )


def test_error_kind_officials_whose_state_a_modifier_names_are_not_where_they_are(parse):
    # "talks between senior Indian and Japanese officials in Hanoi": the place was taken for whose
    # officials they were, and the meeting was lost; "officials in Nairobi" alone are still Kenya's.
    out = rows(parse, "The meeting between Kenyan and Ugandan officials in Lusaka was historic.", "2024-05-05")
    assert ("KEN", "UGA", "meeting", "occurred") in relation_keys(out)
    out = rows(parse, "Officials in Nairobi said Kenya would host talks with Uganda.", "2024-05-05")
    assert ("KEN", "UGA", "meeting", "planned") in relation_keys(out)


def test_error_kind_no_one_doing_it_is_no_event(parse):
    # "No US president had spoken directly to a Taiwanese leader since 1979": stored as a meeting.
    out = rows(parse, "No US president had spoken directly to a Cuban leader since 1959.", "2024-05-05")
    assert out["relations"] == []


def test_error_kind_politicians_out_of_office_speak_for_no_state(parse):
    # A candidate's ("senatorial aspirant") and some politicians' denials were stored as their states'.
    text = "Some conservative Japanese politicians deny that a massacre took place in China."
    assert rows(parse, text, "2024-05-05")["denials"] == []
    # An office-holder still is the state.
    out = rows(parse, "Japanese Prime Minister Kishida criticised China.", "2024-05-05")
    assert ("JPN", "CHN", "criticism", "occurred") in relation_keys(out)


def test_error_kind_a_former_inspector_speaks_for_no_one(parse):
    # A former UN weapons inspector's remarks were stored as the UN accusing the US.
    text = "Former UN arms inspector Rolf Ekeus has said the way the US guarded the sites after the war was careless."
    out = rows(parse, text, "2016-03-20")
    assert not any("UN" in (r["source_actor"], r["target_actor"]) for r in out["relations"])


def test_error_kind_meeting_a_request_is_no_meeting(parse):
    text = "Canada agreed on Friday to meet a French request for more troops in the region."
    assert not any(r["relation_type"] == "meeting" for r in rows(parse, text, "2004-10-20")["relations"])
    # Talks about a need are still talks.
    text = "Chile and Peru held a summit in Lima, where they discussed the need for calm."
    assert any(r["relation_type"] == "meeting" for r in rows(parse, text, "2016-02-17")["relations"])
    out = rows(parse, "Britain will meet Argentina's foreign minister on Friday.", "2004-10-20")
    assert ("GBR", "ARG", "meeting", "planned") in relation_keys(out) or ("ARG", "GBR", "meeting", "planned") in (
        relation_keys(out)
    )


def test_error_kind_talks_others_are_urged_to_hold_have_not_happened(parse):
    # Two states urged to resume their dialogue were stored as meeting.
    text = "Ministers from Chile and Peru urged Bolivia and Paraguay to resume their talks on the border."
    assert not any(r["relation_type"] == "meeting" for r in rows(parse, text, "2004-10-20")["relations"])


def test_error_kind_an_accusation_a_clause_says_is_denied_has_its_maker(parse):
    # "X blamed the deed on Y, an accusation (that) Y denied": the denial had "that" as its claim and
    # no accuser.
    text = "British officials blamed the hack on the Russian government, an accusation that Moscow denied."
    [d] = rows(parse, text, "2016-03-20")["denials"]
    assert (d["denier"], d["accuser"], d["denied_claim"]) == ("RUS", "GBR", "an accusation")
    # Without "that" too.
    text = "British officials blamed the hack on the Russian government, an accusation Moscow has denied."
    assert [(d["denier"], d["accuser"]) for d in rows(parse, text, "2016-03-20")["denials"]] == [("RUS", "GBR")]


# --- from the twentieth judged sample (2026-12-04, late night) ---------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # an infinitive on a noun happens when the verb that noun depends on says
        ("The Chilean president will become the first Chilean leader to visit Hiroshima.", "planned"),
        ("The Chilean president became the first Chilean leader to visit Hiroshima.", "occurred"),
        # "no plans to visit": none
        ("The Chilean president has no plans to visit Hiroshima.", None),
    ],
)
def test_error_kind_an_infinitive_on_a_noun_takes_the_status_of_its_verb(parse, text, expected):
    k = relation_keys(rows(parse, text, "2016-05-20"))
    got = {x[3] for x in k if x[:3] == ("CHL", "JPN", "visit")}
    assert got == ({expected} if expected else set())


def test_error_kind_people_counted_and_a_war_named_by_its_place_are_no_parties(parse):
    # "a majority of Australians" are not Australia; "the Iraq war" is not Iraq, also as the
    # possessor-like modifier of the object
    text = "A majority of Canadians opposed the Iraq war, a survey found."
    assert not rows(parse, text, "2004-10-10")["relations"]
    k = relation_keys(rows(parse, "The Australian government opposes the Iraq war.", "2004-10-10"))
    assert not {x for x in k if "IRQ" in x[:2]}


def test_error_kind_a_headlines_sanctions_the_body_tells_are_the_bodys():
    # A Title Case headline is parsed as one noun phrase ("Urges Sanctions": Chile the target); the body
    # tells the sanctions, so its reading stands alone. A headline whose body names no sanctions stays.
    body = "Chile on Monday asked the United Nations to impose sanctions on Peru over its border raids."
    out = extract_all(_headlined("Chile Urges Sanctions on Peru Over Raids", body, "2016-03-19"))[0]
    assert {(r["sentence_index"], r["target"]) for r in out["sanctions"]} == {(1, "PER")}
    body = "Chile on Monday asked the United Nations to act over the border raids."
    out = extract_all(_headlined("UN Imposes Sanctions on Peru", body, "2016-03-19"))[0]
    assert (0, "PER") in {(r["sentence_index"], r["target"]) for r in out["sanctions"]}
