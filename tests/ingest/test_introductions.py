"""An unlabelled transcript's host, guest and show, where its opening or its title names them."""
from pathlib import Path

import pytest

from claims.ingest.introductions import introduced
from claims.ingest.pipeline import run
from claims.ingest.read import read_source
from claims.ingest.records import Metadata

ROOT = Path(__file__).resolve().parents[2]


def named(opening: str, title: str = "", **known) -> tuple:
    found = introduced(opening, 0, len(opening), Metadata(title=title, **known))
    return found.hosts, found.guests, found.show


@pytest.mark.parametrize("opening, expected", [
    ("Welcome to The Grid. I'm Jane Park, and my guest today is Omar Diaz, a lawyer who works on water.",
     (("Jane Park",), ("Omar Diaz",), "The Grid")),
    ("I'm Jane Park and this is The Grid. This week I talked to Omar Diaz about rivers.",
     (("Jane Park",), ("Omar Diaz",), "The Grid")),
    ("Hello and welcome back to Field Notes. I'm your host, Priya Raman. Joining me today is Dr. Lena Okafor.",
     (("Priya Raman",), ("Lena Okafor",), "Field Notes")),
    ("Today I have the pleasure of interviewing Johan van der Berg, who builds bridges. Johan, welcome.",
     ((), ("Johan van der Berg",), "")),
    ("The following is a conversation with Hana Sato, a physicist at Kyoto. This is the Deep Field Podcast.",
     ((), ("Hana Sato",), "")),
    ("Today we're joined by Sam O'Neill from the county council.", ((), ("Sam O'Neill",), "")),
    ("Hey everybody, welcome to the Tim Ferriss Show, where I talk to people who do things. My guest today is Jane Park.",
     ((), ("Jane Park",), "Tim Ferriss Show")),
    ("This is Fresh Air. I'm Terry Gross. My guest is Omar Diaz, who has written a history of rivers.",
     (("Terry Gross",), ("Omar Diaz",), "Fresh Air")),
    ("From the newsroom, I'm Michael Barbaro. This is The Daily. Today, a conversation with Hana Sato.",
     (("Michael Barbaro",), ("Hana Sato",), "The Daily")),
    # raw captions: a misheard surname in lower case makes no name; "this is" alone names no show
    ("yeah I'm Craig Smith and this is I on AI this week I talked to Ilya switzerberger a co-founder",
     (("Craig Smith",), (), "")),
    # the show named in its first episode's welcome, and with its episode's number after a first name
    ("Hello and welcome to the first episode of Shelf Talk. This is a show for people who like to read.",
     ((), (), "Shelf Talk")),
    ("Coming up, a garage full of disks. I'm Dana. I'm Priya, and this is Home Lab 12. Dana, we have a guest.",
     ((), (), "Home Lab")),
    ("I'm Priya, and this is Ravi Shah. He builds routers.", ((), (), "")),  # a person has no episode number
])
def test_an_opening_names_its_host_guest_and_show(opening, expected):
    assert named(opening) == expected


@pytest.mark.parametrize("opening", [
    "My guests today are Omar Diaz and Jane Park.",  # two guests: whose words are whose is unknown
    "Welcome to the show. Thanks for having me. So tell me about the conversation with the board.",
    "We sat down with OpenAI last week.",  # one capitalised word: an organisation, not a person
    "This is Jane Park.",  # no show, no "your host": could be anyone introducing themselves
    "Welcome back. Today I have the pleasure of talking with The Band from Ohio.",
    "This is a conversation with Acme Labs about markets.",  # (a firm named like a person would pass)
    "So what got you into this? Well, when I talked with Geoff Hinton in 2012 he said something I never forgot.",
    "Welcome back, everyone. " + "We have a lot to get through today, so let us not waste time. " * 8
    + "Hi, I'm Jane Park and this is my third time on the show.",
])
def test_an_opening_that_does_not_say_who_names_nobody(opening):
    hosts, guests, _ = named(opening)
    assert (hosts, guests) == ((), ())


# as real openings write them (measured in bench/introductions.py): a typographic apostrophe, "I am your host"
@pytest.mark.parametrize("opening, expected", [
    ("Hello, and welcome to the Kiln Hour, everything clay that matters. I’m Noor Haddad, your host, and my guest today "
     "is Felix Moreau. Hi, Felix.", (("Noor Haddad",), ("Felix Moreau",), "Kiln Hour")),
    ("Hello, everyone, and welcome to the Rust Belt podcast. I am your host, Dana Whitfield, and today we're talking "
     "about compilers.", (("Dana Whitfield",), (), "Rust Belt podcast")),
])
def test_a_host_named_with_a_typographic_apostrophe_or_i_am_your_host(opening, expected):
    assert named(opening) == expected


@pytest.mark.parametrize("opening", [
    # co-hosts introducing themselves in turn (The Changelog's early openings): either could be the host
    "Welcome to Byte Talk, episode 0.4.0. I'm Rosa Lindqvist. And I'm Tomas Berg. This is Byte Talk.",
    "I’m Rosa Lindqvist, and I’m Tomas Berg, and this is Byte Talk.",
])
def test_two_people_introducing_themselves_in_the_first_lines_name_no_host(opening):
    hosts, _, _ = named(opening)
    assert hosts == ()


@pytest.mark.parametrize("opening", [
    "We are here to talk about glaze chemistry with Wen Lacroix, who runs a kiln. Wen, welcome to the Pottery Desk.",
    "Joining me today is a special guest Wen Lacroix, who built a kiln app. So Wen, welcome to the show.",
])
def test_a_guest_welcomed_by_first_name_is_the_full_name_the_opening_says(opening):
    _, guests, _ = named(opening)
    assert guests == ("Wen Lacroix",)


@pytest.mark.parametrize("opening", [
    "So, Wen, you run a kiln. Welcome to the Pottery Desk.",  # no full name said
    "Wen, welcome to the Pottery Desk. Wen Lacroix and Wen Zhou both wrote to us this week.",  # two Wens
    "Our regular Wen Lacroix is here. Wen, welcome back to the Pottery Desk.",  # a co-host welcomed back
])
def test_a_first_name_welcomed_without_one_full_name_names_nobody(opening):
    _, guests, _ = named(opening)
    assert guests == ()


@pytest.mark.parametrize("opening", [
    # a panel show's guest, introduced after its co-hosts (Go Time's openings)
    "Hello, and welcome to Stack Chat, where a panel and special guests talk code. My name is Leo Brandt, and joining "
    "me today are Mira Okoye and Tomas Berg, and our special guest, Ines Duarte, to talk about editors.",
    "Welcome to Stack Chat! Joining me today, I have my co-host, Leo Brandt. And joining us as well is Ines Duarte. "
    "How are you doing today, Ines?",
])
def test_a_panel_shows_special_guest_is_the_guest(opening):
    _, guests, _ = named(opening)
    assert guests == ("Ines Duarte",)


@pytest.mark.parametrize("opening", [
    # a panel show: the co-host joins first, then the guests (Go Time's, JS Party's openings)
    "Hello, and welcome to Stack Chat. I'm joined today by Leo Brandt. Hello, Leo. And we have some very exciting "
    "guests. The first one is Ines Duarte.",
    "Hello, and welcome to Stack Chat. Joining me is Ravi Menon. Hello, Ravi. We're also joined by Ines Duarte.",
    "Welcome to Stack Chat. Joining us today is Ravi Menon. I've got very special guests today, as well.",
])
def test_a_panel_opening_with_more_than_one_guest_names_no_guest(opening):
    _, guests, _ = named(opening)
    assert guests == ()


@pytest.mark.parametrize("opening, expected", [
    # Spanish, French, German, Portuguese and Italian shows: the host beside the show's name, as in English
    ("Hola, soy Lucía Fernández y esto es Raíces y Ramas. Hoy conversamos con Tomás Aguirre, apicultor en Navarra.",
     (("Lucía Fernández",), ("Tomás Aguirre",), "Raíces y Ramas")),
    ("Bienvenidos a Tierra Firme. Soy Andrés Molina, y mi invitada de hoy es Carmen Vidal, geóloga.",
     (("Andrés Molina",), ("Carmen Vidal",), "Tierra Firme")),
    ("Bonjour à toutes et à tous, je suis Hélène Marchand et vous écoutez Les Voix du Port. Je reçois aujourd'hui "
     "Bastien Leroy, charpentier de marine.", (("Hélène Marchand",), ("Bastien Leroy",), "Les Voix du Port")),
    ("Bienvenue dans Terrain Neutre, je suis Julien Besson. Mon invitée aujourd'hui est Nadia Benali.",
     (("Julien Besson",), ("Nadia Benali",), "Terrain Neutre")),
    ("Hallo und herzlich willkommen bei Grünes Licht. Ich bin Jonas Keller, und mein Gast heute ist Miriam Vogt.",
     (("Jonas Keller",), ("Miriam Vogt",), "Grünes Licht")),
    ("Ich bin Lea Hoffmann und das ist Stadt und Land. Heute zu Gast ist Paul Brandt.",
     (("Lea Hoffmann",), ("Paul Brandt",), "Stadt und Land")),
    ("Olá, pessoal! Bem-vindos a mais um episódio do Mesa Posta. Meu nome é Beatriz Carvalho e hoje conversamos com "
     "Rafael Nunes, chef de cozinha.", (("Beatriz Carvalho",), ("Rafael Nunes",), "Mesa Posta")),
    ("Ciao a tutti e benvenuti su Voci di Quartiere. Io sono Giorgio Ferri e oggi parliamo con Elena Conti, restauratrice.",
     (("Giorgio Ferri",), ("Elena Conti",), "Voci di Quartiere")),
])
def test_an_opening_in_another_language_names_its_host_guest_and_show(opening, expected):
    assert named(opening) == expected


@pytest.mark.parametrize("opening", [
    # a name without the show beside it, a show named in lower case, a welcome to a place
    "Hola a todos y bienvenidos a un nuevo episodio. Soy Marta Ruiz. ¿Empezamos?",
    "Willkommen bei uns im Studio. Ich bin Jonas Keller.",
    "Bienvenue à Lyon, où je suis née. Je suis Claire Dumas.",
    # a post before the name, capitalised as every German noun is: no name rather than the post read into it
    "Ich bin Bürgermeisterin Anna Schmidt und das ist Stadtgespräch.",
    # a guest's answer, past the host's first lines
    "Hola a todos y bienvenidos a un nuevo episodio. " + "Hoy hablamos de cerámica, de barro y de hornos. " * 8
    + "Pues yo soy Marta Ruiz y esto es Barro Negro, mi taller, y bienvenidos a Valdemoro.",
    "Bonjour à toutes et à tous. " + "On parle de pain, de farine et de levain aujourd'hui. " * 8
    + "Alors, je suis Claire Dumas et vous écoutez Radio Levain, disais-je à mes clients.",
])
def test_an_opening_in_another_language_that_does_not_say_who_names_nobody(opening):
    assert named(opening) == ((), (), "")


@pytest.mark.parametrize("opening, guest", [
    # a firm's possessive and the guest's post before the guest's name: the firm is no one
    ("The following is a conversation with Goldman Sachs' chief economist Jan Doe, recorded in March.", "Jan Doe"),
    ("Today I'm talking with Morgan Stanley's head of research, Lena Holt.", "Lena Holt"),
    ("My guest today is Brightwater Capital's CEO Omar Diaz.", "Omar Diaz"),
    ("Joining me today is OpenAI's chief scientist Hana Sato. Hana, welcome.", "Hana Sato"),
    ("This week I talked to Morgan Stanley's Lena Holt about bonds.", "Lena Holt"),
])
def test_a_guest_named_after_a_firms_possessive_is_the_guest_not_the_firm(opening, guest):
    assert named(opening)[1] == (guest,)


@pytest.mark.parametrize("opening", [
    "Today, a conversation with Goldman Sachs' chief economist about rates.",  # a post, no name
    "Today I'm talking with Morgan Stanley's research team and Lena Holt.",  # a team and a person: two guests
    "Welcome back. So when I talked with Goldman Sachs' chief economist Jan Doe in 2019, she said rates would rise.",
])
def test_a_firms_possessive_without_one_guests_name_names_nobody(opening):
    assert named(opening)[1] == ()


@pytest.mark.parametrize("title, opening, guest", [
    ("Ilya Sutskever: Deep Learning | Lex Fridman Podcast #94", "Today we talk about deep learning with Ilya Sutskever.", "Ilya Sutskever"),
    ("Hana Sato (Kyoto University) - Neutrinos and Why They Matter", "Hana, thanks for coming.", "Hana Sato"),
    ("Soil and Carbon with Dr. Amir Haddad", "Amir, welcome to the show.", "Amir Haddad"),
    ("Jane Park on Battery Recycling", "Thanks for having me, it's good to be here. So, Park Industries...", "Jane Park"),
    # a title's name the words never say is taken for a topic, not a person
    ("Interview with Climate Week", "Thanks for having me.", None),
])
def test_a_title_names_the_guest_when_the_words_say_the_name_too(title, opening, guest):
    assert named(opening, title)[1] == ((guest,) if guest else ())


@pytest.mark.parametrize("title, show", [
    ("Ilya Sutskever: Deep Learning | Lex Fridman Podcast #94", "Lex Fridman Podcast"),
    ("The Grid Podcast #13: Water Rights with Omar Diaz", "The Grid Podcast"),
    ("Rivers and Law | Field Notes Ep. 7", "Field Notes"),
    ("Rivers and Law | The Water Show", "The Water Show"),
    ("Rivers and Law", ""),
])
def test_a_title_names_the_show(title, show):
    assert named("Thanks for coming on.", title)[2] == show


def test_what_the_manifest_or_options_give_is_kept():
    opening = "Welcome to The Grid. I'm Jane Park, and my guest today is Omar Diaz."
    assert named(opening, hosts=("J. Park",), guests=("O. Diaz",), show="Grid") == (("J. Park",), ("O. Diaz",), "Grid")
    # a guest given: the opening's host still named, never as the guest given
    assert named(opening, guests=("Omar Diaz",))[:2] == (("Jane Park",), ("Omar Diaz",))


def _unlabelled(name):
    text, digest = read_source(ROOT / "seeds" / name)
    return run(text, source=name, sha256=digest)


def test_the_seeds_without_their_manifest_name_whom_their_openings_and_titles_name():
    captions = _unlabelled("000_5e2d2378550aa81c.txt")
    assert (captions.metadata.hosts, captions.metadata.guests) == (("Craig Smith",), ())
    page = _unlabelled("001_4ce4f833089e0e5e.txt")
    assert (page.metadata.guests, page.metadata.show) == (("Ilya Sutskever",), "The Lunar Society")
    chaptered = _unlabelled("002_a252ec61e314f82f.txt")
    assert (chaptered.metadata.guests, chaptered.metadata.show) == (("Ilya Sutskever",), "Lex Fridman Podcast")
    # the guest named is the speaker the decoded guest turns go to
    roles = {s.slug: (s.name, s.role) for s in chaptered.speakers}
    assert ("Ilya Sutskever", "guest") in roles.values()
    assert any(roles[t.speaker_slug] == ("Ilya Sutskever", "guest") for t in chaptered.turns)


def test_a_labelled_transcripts_speakers_come_from_its_labels_only_its_show_from_the_opening():
    text = "Jane Park: Welcome to The Grid. My guest today is Omar Diaz.\n\nOmar Diaz: Thanks, Jane.\n\nJane Park: So, rivers?\n"
    annotated = run(text, source="labelled.txt")
    assert annotated.metadata.guests == () and annotated.metadata.hosts == ()
    assert sorted(s.name for s in annotated.speakers) == ["Jane Park", "Omar Diaz"]
    assert annotated.metadata.show == "The Grid"
    assert run(text, source="labelled.txt", metadata=Metadata(show="Grid Radio")).metadata.show == "Grid Radio"


@pytest.mark.parametrize("opening, title", [
    # capitalised words run together past any person's name (the opening and a title are read whole)
    ("The following is a conversation with Aaron " + "Bakerbakerbaker" * 8 + " Carl.", ""),
    ("Thanks for coming on, Aaron.", "Aaron " + "Bakerbakerbaker" * 8 + ": Rivers"),
])
def test_a_name_longer_than_any_persons_names_nobody(opening, title):
    assert named(opening, title)[1] == ()


def test_a_show_longer_than_any_shows_name_is_not_the_show():
    assert named("Thanks for coming on.", "Rivers | The " + "Long " * 30 + "Show")[2] == ""
    assert named("Welcome to The " + "Longlonglong" * 10 + " Show. I'm Jane Park.")[2] == ""


def _said(annotated):
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    return [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char].split(".")[0]) for t in annotated.turns]


def test_a_diarisers_speakers_are_named_by_what_the_host_says_before_the_guest_speaks():
    text = ("SPEAKER_00: Hello, I'm Maria Lopez and this is Charged Up. My guest today is Priya Raman, who builds batteries.\n\n"
            "SPEAKER_01: Thanks, Maria. Good to be here.\n\n"
            "SPEAKER_00: What do you build?\n\n"
            "SPEAKER_01: Storage for the grid. Mostly iron and air.\n\n"
            "SPEAKER_00: And why iron?\n\n"
            "SPEAKER_01: It is cheap and there is a lot of it.\n")
    annotated = run(text, source="diarised.txt")
    assert _said(annotated)[:3] == [
        (("Maria Lopez", "host"), "Hello, I'm Maria Lopez and this is Charged Up"),
        (("Priya Raman", "guest"), "Thanks, Maria"),
        (("Maria Lopez", "host"), "What do you build?"),
    ]
    m = annotated.metadata
    assert (m.hosts, m.guests, m.show) == (("Maria Lopez",), ("Priya Raman",), "Charged Up")
    assert {s.slug for s in annotated.speakers} == {"maria-lopez", "priya-raman"}


def test_a_recognisers_json_names_its_guest_where_the_host_does():
    annotated = run((ROOT / "tests" / "data" / "assemblyai.json").read_text(encoding="utf-8"), source="assemblyai.json")
    roles = {s.role: s.name for s in annotated.speakers}
    assert roles == {"host": "Speaker A", "guest": "Priya Raman"}  # "Thanks, Maria": a first name names nobody
    assert annotated.metadata.show == "Charged Up"


@pytest.mark.parametrize("text, known", [
    # the second voice names her: said after the guest first speaks, it is no host's introduction (and no one's own
    # name: "I'm Priya Raman" there names her, self_named_parts)
    ("Speaker 1: Welcome. Who are you?\n\nSpeaker 2: Priya Raman runs this lab. My guest today is Omar Diaz.\n\n"
     "Speaker 1: Why batteries?\n\nSpeaker 2: They store sun.\n", {}),
    # the metadata names someone: it decides
    ("Speaker 1: Today I'm talking with Priya Raman.\n\nSpeaker 2: Thanks.\n\nSpeaker 1: Why batteries?\n\nSpeaker 2: They store sun.\n",
     {"hosts": ("Maria Lopez",)}),
    # the labels are names of their own
    ("Maria: Today I'm talking with Priya Raman.\n\nPriya: Thanks.\n\nMaria: Why batteries?\n\nPriya: They store sun.\n", {}),
])
def test_speakers_are_renamed_only_where_a_host_introduces_parts(text, known):
    annotated = run(text, source="t.txt", metadata=Metadata(**known))
    assert "Priya Raman" not in {s.name for s in annotated.speakers}


def test_a_spanish_hosts_words_go_to_the_host_the_opening_names():
    text = ("Hola, soy Lucía Fernández y esto es Raíces y Ramas. Hoy conversamos con Tomás Aguirre, apicultor en Navarra. "
            "Tomás, gracias por venir.\n\nGracias a ti, Lucía. Es un placer.\n\n¿Cuántas colmenas tienes?\n\n"
            "Unas doscientas, repartidas entre tres valles.\n\n¿Y cómo pasan el invierno?\n\n"
            "Bien abrigadas, con reservas de miel y poco trabajo.\n")
    annotated = run(text, source="raices.txt")
    m = annotated.metadata
    assert (m.hosts, m.guests, m.show) == (("Lucía Fernández",), ("Tomás Aguirre",), "Raíces y Ramas")
    assert _said(annotated)[:2] == [
        (("Lucía Fernández", "host"), "Hola, soy Lucía Fernández y esto es Raíces y Ramas"),
        (("Tomás Aguirre", "guest"), "Gracias a ti, Lucía"),
    ]


_GREETED_BY_FIRST_NAME = (
    "SPEAKER_00: Welcome to Charged Up. Today I'm talking with Priya Raman, who builds batteries.\n\n"
    "SPEAKER_01: Thanks, Maria. Good to be here.\n\n"
    "SPEAKER_00: What do you build?\n\n"
    "SPEAKER_01: Storage for the grid. Mostly iron and air.\n\n"
    "SPEAKER_00: {outro}\n\n"
    "SPEAKER_01: {answer}\n")


@pytest.mark.parametrize("outro, answer, title, host", [
    # the host's outro gives the full name of the first name the guest greets
    ("Thank you, Priya. I'm Maria Lopez, and this has been Charged Up.", "Thanks for having me.", "", "Maria Lopez"),
    # the title does
    ("Thank you, Priya.", "Thanks for having me.", "Charged Up with Maria Lopez | Iron and Air", "Maria Lopez"),
    # the full name nowhere: the first name alone names nobody
    ("Thank you, Priya. See you next week.", "Thanks for having me.", "", "Speaker 00"),
    # two full names with that first name: which is the host's is unknown from the greeting, but the host's own
    # "I'm Maria Lopez" says it (self_named_parts)
    ("Thank you, Priya. I'm Maria Lopez.", "Thanks for having me.", "Maria Santos on Charged Up", "Maria Lopez"),
    # the full name said by the guest, not the host: a name of hers, or of someone she speaks of
    ("Thank you, Priya.", "My sister says hi. I'm Maria Lopez's biggest fan, and I am Maria Ortega's too.", "", "Speaker 00"),
])
def test_a_host_greeted_by_first_name_is_named_where_the_file_gives_the_full_name(outro, answer, title, host):
    text = _GREETED_BY_FIRST_NAME.format(outro=outro, answer=answer)
    annotated = run(text, source="diarised.txt", metadata=Metadata(title=title))
    roles = {s.role: s.name for s in annotated.speakers}
    assert roles == {"host": host, "guest": "Priya Raman"}
    assert annotated.metadata.hosts == ((host,) if host != "Speaker 00" else ())


def test_a_first_name_greeted_later_than_the_guests_first_words_names_nobody():
    text = _GREETED_BY_FIRST_NAME.format(outro="Thank you, Priya. I'm Maria Lopez.", answer="Thanks, Maria.").replace(
        "Thanks, Maria. Good to be here.", "Good to be here.")
    roles = {s.role: s.name for s in run(text, source="diarised.txt").speakers}
    assert roles == {"host": "Maria Lopez", "guest": "Priya Raman"}  # from her own "I'm Maria Lopez" (self_named_parts)
    roles = {s.role: s.name for s in run(text.replace("I'm Maria Lopez.", "Bye now."), source="diarised.txt").speakers}
    assert roles == {"host": "Speaker 00", "guest": "Priya Raman"}


_THREE_PARTS = (
    "Speaker 1: Welcome to Open Water. I'm Jane Park, and my guests today are Omar Diaz, a lawyer who works on rivers, "
    "and Lena Holt, who runs a desalination plant. {first_handover}\n\n"
    "Speaker 2: Nothing yet, in most places. That is the problem.\n\n"
    "Speaker 1: {second_handover}\n\n"
    "Speaker 3: Mostly. We buy water rights like anyone else.\n\n"
    "Speaker 1: And Omar, would you change that?\n\n"
    "Speaker 2: I would give rivers standing, the way some countries already do.\n")


def test_three_parts_are_named_where_the_host_hands_over_to_each_guest_by_name():
    text = _THREE_PARTS.format(first_handover="Omar, let's start with you. What does a river own?",
                               second_handover="So, does that match what you see at the plant, Lena?")
    annotated = run(text, source="panel.txt")
    assert _said(annotated)[:4] == [
        (("Jane Park", "host"), "Welcome to Open Water"),
        (("Omar Diaz", "guest"), "Nothing yet, in most places"),
        (("Jane Park", "host"), "So, does that match what you see at the plant, Lena?"),
        (("Lena Holt", "guest"), "Mostly"),
    ]
    m = annotated.metadata
    assert (m.hosts, m.guests, m.show) == (("Jane Park",), ("Omar Diaz", "Lena Holt"), "Open Water")


@pytest.mark.parametrize("first_handover, second_handover", [
    # a guest spoken to by no name: which of the two answers is unknown
    ("Let's start with the law. What does a river own?", "Does that match what you see at the plant, Lena?"),
    # both named right before one answers: either could
    ("Omar, let's start with you. What does a river own?", "Lena, does that match what Omar says?"),
    # a name the opening never gave
    ("Omar, let's start with you. What does a river own?", "Does that match what you see at the plant, Sofia?"),
])
def test_three_parts_are_left_unnamed_where_any_guests_name_is_in_doubt(first_handover, second_handover):
    text = _THREE_PARTS.format(first_handover=first_handover, second_handover=second_handover)
    annotated = run(text, source="panel.txt")
    # the host named by her own "I'm Jane Park" (self_named_parts), the guests not
    assert sorted(s.name for s in annotated.speakers) == ["Jane Park", "Speaker 2", "Speaker 3"]
    assert annotated.metadata.guests == ()


def test_three_parts_where_a_guest_first_speaks_after_another_guest_are_left_unnamed():
    text = ("Speaker A: Welcome to Open Water. I'm Jane Park. My guests today are Omar Diaz and Lena Holt. Omar, you first.\n\n"
            "Speaker B: Thanks, Jane. Rivers own nothing.\n\n"
            "Speaker C: I'd say they own less than nothing.\n\n"
            "Speaker A: Why?\n\n"
            "Speaker C: Because we take from them.\n")
    assert sorted(s.name for s in run(text, source="panel.txt").speakers) == ["Jane Park", "Speaker B", "Speaker C"]


def test_a_recognisers_lettered_parts_are_named_by_the_hosts_handovers():
    text = ("Speaker A: This is Field Notes, I'm Priya Raman. I'm joined today by Sam O'Neill from the county council, "
            "Hana Sato, a physicist, and Dr. Amir Haddad. Hana, what did the survey find?\n\n"
            "Speaker B: More water under the fields than anyone expected.\n\n"
            "Speaker A: What does that mean for farms, Amir?\n\n"
            "Speaker C: Fewer dry summers, if it is used slowly.\n\n"
            "Speaker A: And the council's view? Sam, over to you.\n\n"
            "Speaker D: We want it metered before anyone drills.\n\n"
            "Speaker B: That seems fair.\n")
    annotated = run(text, source="panel.json.txt")
    assert {s.name: s.role for s in annotated.speakers} == {
        "Priya Raman": "host", "Hana Sato": "guest", "Amir Haddad": "guest", "Sam O'Neill": "guest"}
    assert annotated.metadata.guests == ("Hana Sato", "Amir Haddad", "Sam O'Neill")
