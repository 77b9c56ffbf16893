"""A congressional hearing's members are its hosts and its witnesses its guests: from their titles, the
committee's roster and the witness list in the front matter, else from who asks. tests/data/gpo_hearing_roster.txt
is shaped like a govinfo CHRG-* text page: the cover, the roster in two columns, C O N T E N T S with a
WITNESSES list, then paragraphs indented by four spaces and wrapped at 70, STATEMENT OF headings between them."""
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from claims.ingest.formats import parse_source
from claims.ingest.formats._hearing import hearing_roles, roster_names, witness_names
from claims.ingest.pipeline import run
from claims.ingest.read import read_source

DATA = Path(__file__).resolve().parents[1] / "data"
ROSTER_HEARING = DATA / "gpo_hearing_roster.txt"

STATEMENT = ("The night barges carried most of the valley's heating oil last winter, and the locks were closed "
             "on nineteen of the coldest days because the seals froze. ")


def para(label, words):
    """A paragraph as the GPO sets it: indented four spaces, its later lines flush left, wrapped at 70."""
    return "\n".join(textwrap.wrap(f"{label}. {words}", 70, initial_indent="    "))


# a House hearing's record without its cover, roster or contents: only the titles and the questions tell
NO_FRONT_MATTER = "\n".join([
    para("Chairman Voss", "The subcommittee will come to order. " + STATEMENT * 2),
    para("Ranking Member Ibsen", "Thank you, Mr. Chairman. " + STATEMENT),
    para("Chairman Voss", "Ms. Ferreira, you are recognized for 5 minutes."),
    para("Ms. Ferreira", "Thank you, Chairman Voss. " + STATEMENT * 2 + "Who should pay for the spare seals? That is the question before you."),
    para("Dr. Kahn", "Thank you for the invitation. " + STATEMENT * 2),
    para("Chairman Voss", "Thank you. Mr. Dale."),
    para("Mr. Dale", "Dr. Kahn, how many spare seals does the bureau keep north of the junction?"),
    para("Dr. Kahn", "Four, and all of them at the southern depot."),
    para("Mr. Dale", "Why there?"),
    para("Dr. Kahn", "The depot has the only heated store on the canal."),
    para("Mr. Dale", "Ms. Ferreira, would your towns share the cost of a second store?"),
    para("Ms. Ferreira", "They would, if the bureau kept it open all winter."),
    para("Ms. Pike", "Thank you, Mr. Chairman. I only want to say that the towns in my district saw the same closures. "
         "I yield back."),
    para("Representative Lund", "Dr. Kahn, when will the new seals arrive?"),
    para("Dr. Kahn", "By October, if the contract is signed this spring."),
    para("Ms. Ferreira", "And we will be ready for them."),
    para("Chairman Voss", "I thank the witnesses. The hearing is adjourned."),
]) + "\n"

# an excerpt of a hearing's record in which only the witnesses speak (the members' questions cut out): a Smith on
# the roster and a Smith on the witness list leave "Mr. Smith" undecided, and nobody asks anything
WITNESSES_ONLY_FRONT = ("                     COMMITTEE ON HARBOR ADMINISTRATION\n\n"
                        "                  HELEN FARRAGUT, Oregon, Chairwoman\n"
                        "GRANT PELLOW, Ohio                   MARTIN SMITH, Maine\n\n"
                        "                           C O N T E N T S\n\n"
                        "                               WITNESSES\n\n"
                        "Smith, Mr. Theo, Night Pilot, Upper Landing Ferry Company.......     4\n"
                        "Varga, Dr. Ilse, Engineer, River Crossings Authority............     9\n\n")
WITNESSES_ONLY = "\n".join([
    para("Mr. Smith", "Thank you. " + STATEMENT * 2),
    para("Dr. Varga", "I would add only that the bureau has asked for the money twice. " + STATEMENT),
    para("Mr. Smith", "The pilots will share the cost if the store stays open all winter."),
    para("Dr. Varga", "Four seals, all of them at the southern depot."),
    para("Mr. Smith", "We will be ready for them by October."),
]) + "\n"


def roles(annotated):
    return [(s.name, s.role) for s in annotated.speakers]


def test_the_roster_and_the_witness_list_make_members_hosts_and_witnesses_guests():
    # before: one host, the label asking most (Ms. Brindle), and the chairwoman and every other member guests
    text, _ = read_source(ROSTER_HEARING)
    annotated = run(text, source=ROSTER_HEARING.name)
    assert annotated.format == "labelled" and not annotated.errors
    assert roles(annotated) == [
        ("Chairwoman Farragut", "host"),   # a member's title
        ("Ranking Member Quist", "host"),  # a member's title
        ("Mr. Adeyemi", "host"),           # the roster: a statement, no question
        ("Dr. Varga", "guest"),            # the witness list and her STATEMENT OF heading
        ("Mr. Smith", "guest"),            # a Smith on the roster and a Smith among the witnesses: the usual rule
        ("Mr. Pellow", "host"),            # the roster (he also asks)
        ("Ms. Brindle", "host"),           # the roster (she also asks)
        ("Mr. Echevarria", "host"),        # the roster: a motion, no question
    ]


def test_the_front_matter_names_the_members_and_the_witnesses():
    text, _ = read_source(ROSTER_HEARING)
    front = text[:text.index("    Chairwoman Farragut. The Committee")]
    # both columns of the roster (the staff director under it is no member), then the attendance's surnames
    assert roster_names(front) == [("helen", "farragut"), ("grant", "pellow"), ("nadia", "quist"), ("cora", "brindle"),
                                   ("samuel", "adeyemi"), ("luis", "echevarria"), ("martin", "smith"),
                                   ("farragut",), ("quist",), ("pellow",), ("brindle",), ("adeyemi",), ("echevarria",), ("smith",)]
    # the contents' WITNESSES (not its opening statements nor the submissions for the record), then the headings
    assert set(witness_names(front, text)) == {("ilse", "varga"), ("theo", "smith")}
    parsed = parse_source(text, source=ROSTER_HEARING.name)
    assert parsed.hearing
    decided = hearing_roles(text, parsed.turns, front=front)
    # two people named Smith: the record does not say which one speaks, so the label is left undecided (by
    # the questions alone it would be a member's: two of his three turns hold a question someone answers),
    # and the usual rule makes him a guest, as before
    assert decided["Mr. Smith"] is None
    assert [(label, role) for label, role in decided.items() if label != "Mr. Smith"] == [
        ("Chairwoman Farragut", "host"), ("Ranking Member Quist", "host"), ("Mr. Adeyemi", "host"), ("Dr. Varga", "guest"),
        ("Mr. Pellow", "host"), ("Ms. Brindle", "host"), ("Mr. Echevarria", "host")]


def test_without_front_matter_titles_and_questions_decide():
    # before: one host, the label asking most (Mr. Dale), and the chairman and the other members guests
    annotated = run(NO_FRONT_MATTER, source="subcommittee.txt")
    assert annotated.format == "labelled" and not annotated.errors
    assert roles(annotated) == [
        ("Chairman Voss", "host"),
        ("Ranking Member Ibsen", "host"),
        ("Ms. Ferreira", "guest"),          # one question of her own in three turns
        ("Dr. Kahn", "guest"),
        ("Mr. Dale", "host"),               # every turn a question answered by a witness
        ("Ms. Pike", "host"),               # asks nothing, but yields her time back
        ("Representative Lund", "host"),
    ]


def test_another_bodys_chairman_on_the_witness_list_is_a_witness():
    # the Federal Reserve's chairman testifies as "Chairman Orr.": the title is a member's only where the
    # witness list does not name him and the roster does not either
    front = ("                     COMMITTEE ON FINANCIAL SERVICES\n\n"
             "                  HELEN FARRAGUT, Oregon, Chairwoman\n"
             "GRANT PELLOW, Ohio                   NADIA QUIST, Maine\n\n"
             "                           C O N T E N T S\n\n"
             "                               WITNESSES\n\n"
             "Orr, Hon. Miles, Chairman, Board of Governors of the Federal \n"
             "  Reserve System................................................     4\n\n")
    record = "\n".join([
        para("Chairwoman Farragut", "The committee will come to order. Chairman Orr, welcome back."),
        para("Chairman Orr", "Thank you. " + STATEMENT * 2),
        para("Mr. Pellow", "Chairman Orr, will the rate stay where it is?"),
        para("Chairman Orr", "We will decide that in March."),
        para("Chairwoman Farragut", "The hearing is adjourned."),
    ]) + "\n"
    annotated = run(front + record, source="monetary_policy.txt")
    assert roles(annotated) == [("Chairwoman Farragut", "host"), ("Chairman Orr", "guest"), ("Mr. Pellow", "host")]


@pytest.mark.django_db
@pytest.mark.parametrize("source, data, expected", [
    (ROSTER_HEARING.name, ROSTER_HEARING.read_bytes(), {
        "host": ["Chairwoman Farragut", "Mr. Adeyemi", "Mr. Echevarria", "Mr. Pellow", "Ms. Brindle", "Ranking Member Quist"],
        "guest": ["Dr. Varga", "Mr. Smith"]}),
    ("subcommittee.txt", NO_FRONT_MATTER.encode(), {
        "host": ["Chairman Voss", "Mr. Dale", "Ms. Pike", "Ranking Member Ibsen", "Representative Lund"],
        "guest": ["Dr. Kahn", "Ms. Ferreira"]}),
    # an excerpt of the witnesses alone is stored with no host
    ("excerpt.txt", (WITNESSES_ONLY_FRONT + WITNESSES_ONLY).encode(), {"host": [], "guest": ["Dr. Varga", "Mr. Smith"]}),
])
def test_the_stored_interview_has_its_members_as_hosts_and_witnesses_as_guests(source, data, expected):
    from claims.models import Participation
    from claims.services import interview_ingest_file

    interview, created, _ = interview_ingest_file(data=data, source=source, extract=False)
    assert created
    stored = {role: sorted(Participation.objects.filter(interview=interview, role=role).values_list("speaker__name", flat=True))
              for role in ("host", "guest")}
    assert stored == expected
    # a researcher's filter for the witnesses' words finds no member's turn among them
    guests = set(Participation.objects.filter(interview=interview, role="guest").values_list("speaker_id", flat=True))
    assert {t.speaker.name for t in interview.turns.filter(speaker_id__in=guests)} == set(expected["guest"])


@pytest.mark.parametrize("line, names", [
    ("                  BRYCE HALVORSEN, WISCONSIN, Chairman", [("bryce", "halvorsen")]),  # the state in capitals
    ("DANA LINDQVIST, Georgia              JOSEPH OKAFOR, New York,", [("dana", "lindqvist"), ("joseph", "okafor")]),
    ("ROSA VAN DEVENTER, District of       KEVIN McTAGUE, North Carolina", [("rosa", "van", "deventer"), ("kevin", "mctague")]),
    ("PETER F. DUNNE, Jr., Tennessee       ANNA ``BETSY'' LaROCCA, Ohio", [("peter", "f.", "dunne"), ("anna", "betsy", "larocca")]),
    ("LENA ORTIZ, Vermont (Independent)", [("lena", "ortiz")]),
    # the attendance above the record, over two lines; a member told from another of that name by the state
    ("    Present: Representatives Halvorsen, Lindqvist, Hastings of\nFlorida, and Trapp.\n    Staff Present: Tim Oster, Staff Director.",
     [("halvorsen",), ("lindqvist",), ("hastings",), ("trapp",)]),
    ("    Present: Senators Grassley and Feinstein.", [("grassley",), ("feinstein",)]),
    # the staff under the roster, a witness's institution in capitals: no members
    ("                  Ada Lorne, Staff Director", []),
    ("JANE DOE, OHIO STATE UNIVERSITY, COLUMBUS", []),
])
def test_a_roster_line_names_its_members_as_the_gpo_prints_them(line, names):
    assert roster_names(line) == names


def test_a_members_own_statement_heading_makes_no_witness():
    # a Senate record without its front matter: the chairman's opening statement under a STATEMENT OF heading
    # describing him as a senator, the witness's under one describing her post
    record = "\n".join([
        "        STATEMENT OF HON. TOMAS VALE, A U.S. SENATOR FROM THE STATE OF MAINE",
        para("Chairman Vale", "The committee will come to order. " + STATEMENT * 2),
        "",
        "            STATEMENT OF HON. IRIS LUND, SECRETARY OF CANALS",
        para("Secretary Lund", "Thank you, Mr. Chairman. " + STATEMENT * 2),
        para("Chairman Vale", "Madam Secretary, when will the locks reopen?"),
        para("Secretary Lund", "In April."),
        para("Senator Moss", "And at what cost to the towns?"),
        para("Secretary Lund", "Nine million dollars."),
    ]) + "\n"
    assert set(witness_names("", record)) == {("iris", "lund")}
    annotated = run(record, source="senate.txt")
    assert roles(annotated) == [("Chairman Vale", "host"), ("Secretary Lund", "guest"), ("Senator Moss", "host")]


# a Senate hearing as news sites and Rev print it: "Name: (mm:ss)" labels, the senators titled "Sen."
NEWS_SITE_HEARING = """Senate Judiciary Subcommittee Hearing on AI Oversight

Sen. Richard Blumenthal: (00:00)
The subcommittee will come to order. Welcome to our witnesses.

Sen. Josh Hawley: (01:12)
Thank you, Mr. Chairman. I look forward to hearing from the witnesses.

Sen. Richard Blumenthal: (02:05)
Ms. Okafor, would you begin with your opening statement?

Ada Okafor: (02:20)
Thank you, Chairman Blumenthal, Ranking Member Hawley. It is an honor to be here.

Sen. Richard Blumenthal: (05:40)
Should there be a licensing agency for the most capable models?

Ada Okafor: (05:55)
A combination of licensing and testing would be sensible.

Sen. Dick Durbin: (09:00)
What would you have us do first?

Bo Lindqvist: (09:20)
Start with transparency requirements for the largest systems.
"""

# a Sunday show: the anchor, untitled, asks two senators
SUNDAY_SHOW = """Margaret Hale: Welcome back. Senator Park, should there be a licensing agency?

Sen. Alan Park: I think so. The most capable models should be licensed like aircraft.

Margaret Hale: Senator Ruiz, you disagree?

Sen. Maria Ruiz: I do. Licensing would lock in the biggest companies.

Margaret Hale: So what would you do instead?

Sen. Maria Ruiz: Liability for the harm their systems do.
"""


def test_a_hearing_printed_with_colon_labels_makes_its_titled_senators_hosts_and_its_witnesses_guests():
    # before: the label asking most was the one host, the chairman and the other senators guests
    annotated = run(NEWS_SITE_HEARING, source="hearing.txt")
    assert [(s.name, s.role) for s in annotated.speakers] == [
        ("Sen. Richard Blumenthal", "host"), ("Sen. Josh Hawley", "host"), ("Ada Okafor", "guest"),
        ("Sen. Dick Durbin", "host"), ("Bo Lindqvist", "guest")]
    # two senators answering an anchor's questions are no hearing: the anchor is the host
    show = run(SUNDAY_SHOW, source="show.txt")
    assert [(s.name, s.role) for s in show.speakers] == [
        ("Margaret Hale", "host"), ("Sen. Alan Park", "guest"), ("Sen. Maria Ruiz", "guest")]


# a Senate hearing as a wire service prints it: a member's title and full name in capitals on the first turn
# ("SEN. JOHN KENNEDY (R-LA):"), the surname alone after it, and each member's first turn a thank-you, not a
# question; the witnesses with their posts ("MARK ZUCKERBERG, CEO, META:"), then by surname
WIRE_SENATE_HEARING = """SENATE COMMERCE COMMITTEE HOLDS HEARING ON ONLINE CHILD SAFETY

CHAIRMAN CALLOWAY: The committee will come to order. We have three witnesses this morning.

SEN. RUTH BRANDT (D-IL): Thank you, Mr. Chairman. Families from my state are in the room today.

CALLOWAY: Mr. Harlow, you may begin.

OWEN HARLOW, CEO, PICTOGRAM: Thank you, Chairman. We have built more than thirty tools for parents and teens, and we keep adding more.

CALLOWAY: Thank you. Ms. Ferris.

NINA FERRIS, CEO, CHATTER: Thank you. Our company has changed a great deal in the last year, and safety comes first.

CALLOWAY: Dr. Abad.

DR. ABAD: Thank you. The research on adolescent sleep is clearer than it was five years ago.

CALLOWAY: Senator Okoye.

SEN. JAMES OKOYE (R-LA): Thank you, Mr. Chairman. Mr. Harlow, I have a few short questions for you.

HARLOW: Of course, Senator.

OKOYE: How many teenagers use your apps every day?

HARLOW: I do not have that exact figure in front of me, Senator.

OKOYE: Would you say it is more than ten million?

HARLOW: It is likely more than that.

OKOYE: That is not what I asked. I yield back.

CALLOWAY: Senator Mercer.

SENATOR ANN MERCER: Thank you. I want to start with the bill we passed out of committee last year.

FERRIS: I am familiar with it.

MERCER: Do you support it?

FERRIS: We support parts of it, the duty of care among them.

MERCER: Dr. Abad, does the research show harm from the feeds themselves?

ABAD: It shows a link with lost sleep, and sleep matters a great deal at that age.

BRANDT: Mr. Harlow, will you give this committee your internal studies?

HARLOW: We have published many of them already.

BRANDT: Not the ones we asked for.

HARLOW: I will look into it.

CALLOWAY: Thank you all. The hearing is adjourned.
"""

# a House hearing in capitals: the chair's and the members' titles in full or short, the witnesses' doctor's title
WIRE_HOUSE_HEARING = """HOUSE OVERSIGHT SUBCOMMITTEE HEARING ON LAB SAFETY

CHAIRWOMAN LINDGREN: The subcommittee will come to order. I recognize myself for five minutes.

LINDGREN: Dr. Sato, when did you first learn of the grant to the overseas lab?

DR. KENJI SATO, FORMER DIRECTOR, INSTITUTE OF INFECTIOUS DISEASE: In early 2020, when the reports came out.

LINDGREN: And you had approved it?

SATO: I did not approve individual sub-awards.

REPRESENTATIVE DELACROIX-WEBB: Thank you, Madam Chair. I want to thank Dr. Sato for his decades of service.

DELACROIX-WEBB: Dr. Sato, how many threats have you received since 2020?

SATO: Many hundreds, and my family has received them too.

DELACROIX-WEBB: Were any of them prompted by statements made in this room?

SATO: Some of them quoted members of this subcommittee.

REP. HOLLIS: Thank you, Madam Chair.

HOLLIS: Dr. Sato, did you ever tell the department to look into a leak from the lab?

SATO: I said from the beginning that we should keep an open mind.

HOLLIS: Then why did the paper say otherwise?

SATO: The authors reached their own conclusions. I yield to them on the details.

LINDGREN: Ms. Okafor, you may answer the same question.

GRACE OKAFOR, PRESIDENT, GLOBAL LAB WATCH: We asked for the early samples and were not given them.

LINDGREN: Did you ever ask again?

OKAFOR: Many times, in writing and in person.

RANKING MEMBER PRUITT: Thank you. I have one question for Ms. Okafor.

PRUITT: What would it take for the next outbreak to be reported in days rather than weeks?

OKAFOR: Countries would have to share samples under a binding agreement.

PRUITT: Would this country sign one?

OKAFOR: That is a question for your government.

LINDGREN: The subcommittee is adjourned.
"""

# a Sunday show in capitals: the anchor, untitled, asks two senators who then answer by surname
SUNDAY_SHOW_IN_CAPITALS = """STATE OF THE NATION, SUNDAY MORNING

DANA WHITFIELD, NETWORK ANCHOR: Good morning. Joining me now are two senators who wrote the online safety bill. Senator Calloway, will it pass this year?

SEN. TOM CALLOWAY (R-SC): I think it will. We have the votes in committee, and the families have made the case better than we could.

WHITFIELD: Senator Mercer, do you agree?

SEN. ANN MERCER (D-MN): I do, but we need floor time, and that is up to the leader.

WHITFIELD: What would you say to the companies that oppose it?

MERCER: They have had years to fix this themselves. Thank you, Dana.

WHITFIELD: Senator Calloway, what about the age checks?

CALLOWAY: The app stores should do them once. That is the simplest way.

WHITFIELD: And if they refuse?

CALLOWAY: Then we will write it into the law. Why wouldn't we?

WHITFIELD: Thank you both.
"""

# a podcast in capitals: no member's title, no hearing
PODCAST_IN_CAPITALS = """THE WORKSHOP HOUR, EPISODE 41

MAYA PATEL: Welcome to The Workshop Hour. My guest today is Tom Reyes, who builds furniture out of reclaimed barn wood. Tom, how did you start?

TOM REYES: My grandfather had a barn that was falling down, and I could not bear to burn the wood.

PATEL: What was the first piece you made?

REYES: A kitchen table. It still wobbles, and my wife still uses it.

PATEL: Do you ever buy new wood?

REYES: Never for the tops. Sometimes for the legs, if the old beams are too thin.

PATEL: Where do people find you?

REYES: At the Saturday market, most weeks.
"""


def turns_by_speaker(annotated):
    names = {s.slug: s.name for s in annotated.speakers}
    return Counter(names[t.speaker_slug] for t in annotated.turns)


@pytest.mark.parametrize("text, expected, turns", [
    (WIRE_SENATE_HEARING, [
        ("Chairman Calloway", "host"), ("Sen. Ruth Brandt", "host"), ("Owen Harlow", "guest"), ("Nina Ferris", "guest"),
        ("Dr. Abad", "guest"), ("Sen. James Okoye", "host"), ("Senator Ann Mercer", "host")],
     {"Chairman Calloway": 7, "Owen Harlow": 6, "Sen. James Okoye": 4, "Nina Ferris": 3, "Senator Ann Mercer": 3,
      "Sen. Ruth Brandt": 3, "Dr. Abad": 2}),
    (WIRE_HOUSE_HEARING, [
        ("Chairwoman Lindgren", "host"), ("Dr. Kenji Sato", "guest"), ("Representative Delacroix-Webb", "host"),
        ("Rep. Hollis", "host"), ("Grace Okafor", "guest"), ("Ranking Member Pruitt", "host")],
     {"Chairwoman Lindgren": 6, "Dr. Kenji Sato": 6, "Representative Delacroix-Webb": 3, "Rep. Hollis": 3,
      "Grace Okafor": 4, "Ranking Member Pruitt": 3}),
])
def test_a_hearing_labelled_in_capitals_makes_its_titled_members_hosts_and_its_witnesses_guests(text, expected, turns):
    # before: no hearing (each member's titled label opens with a thank-you and asks in the surname's turns after
    # it), so the chair alone was the host and the other members guests
    annotated = run(text, source="hearing.txt")
    assert annotated.format == "labelled" and not annotated.errors
    assert roles(annotated) == expected
    # the surname alone ("OKOYE:") is the same speaker as the titled label before it
    assert turns_by_speaker(annotated) == turns


@pytest.mark.parametrize("text, expected", [
    (SUNDAY_SHOW_IN_CAPITALS, [("Dana Whitfield", "host"), ("Sen. Tom Calloway", "guest"), ("Sen. Ann Mercer", "guest")]),
    (PODCAST_IN_CAPITALS, [("Maya Patel", "host"), ("Tom Reyes", "guest")]),
])
def test_an_anchor_asking_senators_and_a_podcast_in_capitals_are_no_hearing(text, expected):
    annotated = run(text, source="show.txt")
    assert not parse_source(text, source="show.txt").hearing
    assert roles(annotated) == expected


@pytest.mark.parametrize("text, expected", [
    # before: Mr. Smith, undecided, was the host by the usual rule though he asks nothing
    (WITNESSES_ONLY_FRONT + WITNESSES_ONLY, [("Mr. Smith", "guest"), ("Dr. Varga", "guest")]),
    # no front matter: neither asks, both witnesses by the questions rule (as before)
    (WITNESSES_ONLY, [("Mr. Smith", "guest"), ("Dr. Varga", "guest")]),
    # the undecided Mr. Smith asks: the usual rule makes him the host
    (WITNESSES_ONLY_FRONT + WITNESSES_ONLY.replace("by October.", "by October. Will the bureau be?"),
     [("Mr. Smith", "host"), ("Dr. Varga", "guest")]),
])
def test_a_hearing_excerpt_where_only_witnesses_speak_invents_no_member(text, expected):
    annotated = run(text, source="excerpt.txt")
    assert annotated.format == "labelled" and not annotated.errors
    assert roles(annotated) == expected


# two members of one surname, told apart by their states as the record prints them ("Mr. SCOTT of Virginia."), a
# witness of that surname too: in the printed record's capitals and in govinfo's text pages' title case
def two_scotts(label):
    return "\n".join([
        para(label("Chairman", "VOSS"), "The subcommittee will come to order. " + STATEMENT),
        para(label("Mr.", "SCOTT of Virginia"), "Thank you, Mr. Chairman. Mr. Scott, how many seals does the bureau keep?"),
        para(label("Mr.", "SCOTT"), "Four, at the southern depot."),
        para(label("Mr.", "SCOTT of Virginia"), "Why there? I yield back."),
        para(label("Mr.", "SCOTT"), "It has the only heated store on the canal."),
        para(label("Chairman", "VOSS"), "Mr. Scott of Georgia."),
        para(label("Mr.", "SCOTT of Georgia"), "Mr. Scott, when will the new seals arrive?"),
        para(label("Mr.", "SCOTT"), "By October, if the contract is signed this spring."),
        para(label("Mr.", "SCOTT of Georgia"), "And who pays for them?"),
        para(label("Mr.", "SCOTT"), "The bureau, from next year's budget."),
        para(label("Chairman", "VOSS"), "The hearing is adjourned."),
    ]) + "\n"


@pytest.mark.parametrize("label", [
    lambda title, name: f"{title} {name}",  # the printed record: "Mr. SCOTT of Virginia."
    lambda title, name: f"{title} {name.title().replace(' Of ', ' of ')}",  # govinfo's text: "Mr. Scott of Virginia."
])
def test_members_told_apart_by_their_states_are_two_speakers(label):
    # before: "Mr. SCOTT of Virginia." was no label: his words ran on in the turn before, so the witness's turns
    # held the members' questions and he was the host
    text = two_scotts(label)
    annotated = run(text, source="hearing.txt")
    assert annotated.format == "labelled" and not annotated.errors
    assert [(s.slug, s.role) for s in annotated.speakers] == [
        ("chairman-voss", "host"), ("mr-scott-of-virginia", "host"), ("mr-scott", "guest"), ("mr-scott-of-georgia", "host")]
    said = [(t.speaker_slug, text[t.start_char:t.end_char].split(".")[0]) for t in annotated.turns]
    assert said[1:4] == [("mr-scott-of-virginia", "Thank you, Mr"), ("mr-scott", "Four, at the southern depot"),
                         ("mr-scott-of-virginia", "Why there? I yield back")]
    assert said[6] == ("mr-scott-of-georgia", "Mr")
    assert [slug for slug, _ in said] == ["chairman-voss", "mr-scott-of-virginia", "mr-scott", "mr-scott-of-virginia", "mr-scott",
                                          "chairman-voss", "mr-scott-of-georgia", "mr-scott", "mr-scott-of-georgia", "mr-scott",
                                          "chairman-voss"]


# a network's live coverage of a hearing: one senator under three forms ("SEN. TIM OKOYE (R-SC):", "SENATOR OKOYE:",
# "OKOYE:"), the chairman under two
LIVE_COVERAGE_HEARING = """LIVE COVERAGE: SENATE HEARING ON BANK FAILURES

SEN. SHERROD BALLARD (D-OH): The committee will come to order. Mr. Greer, welcome.

GREGORY GREER, FORMER CEO, VALLEY BANK: Thank you, Chairman. I am deeply sorry for what happened to our depositors.

BALLARD: When did you first know the bank was in trouble?

GREER: In the first week of March, when the withdrawals began.

SEN. TIM OKOYE (R-SC): Thank you, Mr. Chairman.

SENATOR OKOYE: Mr. Greer, did you sell your own shares that week?

GREER: I sold shares under a plan set up months before.

OKOYE: Months before, or weeks before?

GREER: I would have to check the dates, Senator.

OKOYE: Please do. How much did you earn from the sale?

GREER: About three million dollars.

SENATOR OKOYE: And your depositors, how much did they lose?

GREER: Nothing, in the end, because the deposits were guaranteed.

SEN. ELIZABETH MORROW (D-MA): Thank you. Ms. Hanley, you ran the supervision team. Did your examiners see this coming?

MARY HANLEY, FEDERAL RESERVE: They flagged the interest rate risk more than a year earlier.

MORROW: And what did the bank do about it?

HANLEY: Very little, and we did not press them hard enough.

MORROW: Will you press harder now?

HANLEY: We already are.

BALLARD: Thank you both. The hearing is adjourned.
"""


def test_a_member_under_three_forms_of_his_name_is_one_speaker():
    # before: "SENATOR OKOYE" (not "SEN.") and "OKOYE" (a shorter form of two labels) were two more speakers
    annotated = run(LIVE_COVERAGE_HEARING, source="hearing.txt")
    assert roles(annotated) == [("Sen. Sherrod Ballard", "host"), ("Gregory Greer", "guest"), ("Sen. Tim Okoye", "host"),
                                ("Sen. Elizabeth Morrow", "host"), ("Mary Hanley", "guest")]
    assert turns_by_speaker(annotated) == {"Sen. Sherrod Ballard": 3, "Gregory Greer": 6, "Sen. Tim Okoye": 5,
                                           "Sen. Elizabeth Morrow": 3, "Mary Hanley": 3}


# the chair under the chair's title in some turns and a member's in others, and by surname alone; another senator
# named in full, then as the chair taking the gavel, then by surname
CHAIR_UNDER_TWO_TITLES = """SENATE SUBCOMMITTEE HEARING ON FERRY SAFETY

CHAIRWOMAN VANTERPOOL: The subcommittee will come to order. Ms. Quarry, welcome.

NORA QUARRY, DIRECTOR, RIVER BOARD: Thank you, Chairwoman. The night ferries carried more people than ever last year.

VANTERPOOL: How many of them ran late?

QUARRY: About one in ten, mostly in the winter.

SEN. WALTER BRISK (R-SC): Thank you, Madam Chair. Ms. Quarry, who inspects the hulls?

QUARRY: Our own engineers, twice a year.

BRISK: Is that enough?

QUARRY: We think so, but we would welcome more.

SENATOR VANTERPOOL: Ms. Quarry, will you send us the inspection reports?

QUARRY: We will, this month.

CHAIRMAN BRISK: I will take the gavel for a moment. Did any ferry fail an inspection?

QUARRY: Two, and both were repaired.

VANTERPOOL: Thank you. The hearing is adjourned.
"""

# two senators of one surname: a bare "SENATOR PELL:" could be either, and stays its own label
TWO_SENATORS_OF_ONE_SURNAME = """SENATE HEARING ON COASTAL GRANTS

CHAIRMAN OYELARAN: The committee will come to order.

SEN. ROY PELL (R-FL): Thank you, Mr. Chairman. Mr. Tamsin, who decides the grants?

EDGAR TAMSIN, ADMINISTRATOR: A panel of engineers decides them.

SEN. DAN PELL (R-SC): Mr. Tamsin, how long does a grant take?

TAMSIN: Nine months on average.

SENATOR PELL: Why so long?

TAMSIN: The reviews take most of it.

OYELARAN: The hearing is adjourned.
"""


@pytest.mark.parametrize("text, expected, turns", [
    # before: the chairwoman's first turn was lost before the first label, "SENATOR VANTERPOOL" another speaker,
    # and "CHAIRMAN BRISK" and "BRISK" two more beside "SEN. WALTER BRISK" (5 speakers, 12 turns)
    (CHAIR_UNDER_TWO_TITLES, [("Chairwoman Vanterpool", "host"), ("Nora Quarry", "guest"), ("Sen. Walter Brisk", "host")],
     {"Chairwoman Vanterpool": 4, "Nora Quarry": 6, "Sen. Walter Brisk": 3}),
    (TWO_SENATORS_OF_ONE_SURNAME, [("Chairman Oyelaran", "host"), ("Sen. Roy Pell", "host"), ("Edgar Tamsin", "guest"),
                                   ("Sen. Dan Pell", "host"), ("Senator Pell", "host")],
     {"Chairman Oyelaran": 2, "Sen. Roy Pell": 1, "Edgar Tamsin": 3, "Sen. Dan Pell": 1, "Senator Pell": 1}),
])
def test_a_member_under_the_chairs_title_and_a_members_is_one_speaker(text, expected, turns):
    annotated = run(text, source="hearing.txt")
    assert annotated.format == "labelled" and not annotated.errors
    assert roles(annotated) == expected
    assert turns_by_speaker(annotated) == turns
