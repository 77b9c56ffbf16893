"""A small world for API tests: 4 interviews (one undated), 4 speakers, a topic tree, claims of every
type and status, predictions with several outcomes and targets; plus clients for each kind of user."""
import datetime as dt
import hashlib
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Chapter, Claim, Interview, Participation, Turn

from ..factories import make_claim, make_speaker, make_topic

SENTENCES = {
    "2020": (
        "Host: Tell me about alignment.\n"
        "Guest: I predict alignment research will be mainstream within five years. "
        "Scaling compute made the networks work. "
        "Host: Deep learning is a fascinating field.\n"
    ),
    "2023": (
        "Host: What about the future?\n"
        "Guest: Alignment is maybe the hardest problem we have. "
        "Superintelligence will arrive before the end of the decade. "
        "We should slow down and think carefully. "
        "I grew up in Jerusalem.\n"
    ),
    "2023y": (
        "Host: Alignment and scaling are both on my mind today.\n"
        "Guest: I studied in Toronto with Geoff. "
        "Reliability will be solved by 2024, I predict.\n"
    ),
    "undated": "Guest: Artificial general intelligence needs no new ideas, only more compute.\n",
}


def _interview(slug, text, **fields):
    return Interview.objects.create(
        slug=slug, title=slug.replace("-", " ").title(), show="Test Show", source_format="labelled",
        source_text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), **fields,
    )


def build_world():
    """The API test data; returns a namespace of the rows by name."""
    agi = make_topic(slug="agi", name="AGI")
    alignment = make_topic(slug="alignment", name="Alignment", parent=agi)
    timelines = make_topic(slug="agi-timelines", name="AGI timelines", parent=agi)
    deep_learning = make_topic(slug="deep-learning", name="Deep learning")
    scaling = make_topic(slug="scaling", name="Scaling", parent=deep_learning)
    make_topic(slug="robotics", name="Robotics")

    guest = make_speaker(slug="ilya-sutskever", name="Ilya Sutskever")
    lex = make_speaker(slug="lex-fridman", name="Lex Fridman")
    dwarkesh = make_speaker(slug="dwarkesh-patel", name="Dwarkesh Patel")
    craig = make_speaker(slug="craig-smith", name="Craig Smith")

    i2020 = _interview("lex-2020", SENTENCES["2020"], published=dt.date(2020, 5, 8), published_precision="day",
                       video_id="13CZPWmke6A", link="https://www.youtube.com/watch?v=13CZPWmke6A")
    i2023 = _interview("lunar-2023", SENTENCES["2023"], published=dt.date(2023, 3, 27), published_precision="day",
                       link="https://www.youtube.com/watch?v=Yf1o0TQzry8")
    i2023y = _interview("eye-2023", SENTENCES["2023y"], published=dt.date(2023, 1, 1), published_precision="year",
                        link="https://example.org/episode")
    undated = _interview("undated-talk", SENTENCES["undated"])
    for interview, host in ((i2020, lex), (i2023, dwarkesh), (i2023y, craig)):
        Participation.objects.create(interview=interview, speaker=host, role="host")
        Participation.objects.create(interview=interview, speaker=guest, role="guest")
    Participation.objects.create(interview=undated, speaker=guest, role="guest")
    Chapter.objects.create(interview=i2023, index=0, title="Intro", start_seconds=0, start_char=0)
    Chapter.objects.create(interview=i2023, index=1, title="Alignment", start_seconds=30, start_char=29)
    host_end = SENTENCES["2023"].index("Guest:")
    Turn.objects.create(interview=i2023, index=0, speaker=dwarkesh, start_char=0, end_char=host_end, start_seconds=0.0)
    Turn.objects.create(interview=i2023, index=1, speaker=guest, start_char=host_end,
                        end_char=len(SENTENCES["2023"]), start_seconds=12.5, seconds_estimated=True)
    Turn.objects.create(interview=i2020, index=0, speaker=guest, start_char=0,
                        end_char=len(SENTENCES["2020"]), start_seconds=61.0)

    def claim(interview, speaker, quote, **fields):
        return make_claim(interview=interview, speaker=speaker, quote=quote,
                          statement=fields.pop("statement", quote.rstrip(".") + "."), **fields)

    c = SimpleNamespace(topics=SimpleNamespace(agi=agi, alignment=alignment, timelines=timelines,
                                               deep_learning=deep_learning, scaling=scaling))
    c.guest, c.lex, c.dwarkesh, c.craig = guest, lex, dwarkesh, craig
    c.i2020, c.i2023, c.i2023y, c.undated = i2020, i2023, i2023y, undated
    c.align_2020_pred = claim(
        i2020, guest, "I predict alignment research will be mainstream within five years.",
        claim_type="prediction", status="approved", topics=[alignment],
        prediction={"predicted": "Alignment research becomes mainstream.", "horizon": "within five years",
                    "target_end": dt.date(2025, 5, 8), "status": "came_true", "resolved_on": dt.date(2025, 6, 1)},
    )
    c.scaling_2020 = claim(i2020, guest, "Scaling compute made the networks work.", claim_type="factual",
                           status="approved", topics=[scaling])
    c.host_2020 = claim(i2020, lex, "Deep learning is a fascinating field.", claim_type="opinion",
                        status="approved", topics=[deep_learning])
    c.align_2023 = claim(i2023, guest, "Alignment is maybe the hardest problem we have.", claim_type="opinion",
                         status="approved", hedged=True, topics=[alignment])
    c.agi_2023_pred = claim(
        i2023, guest, "Superintelligence will arrive before the end of the decade.", claim_type="prediction",
        status="approved", topics=[timelines],
        prediction={"predicted": "Superintelligence arrives.", "horizon": "before the end of the decade",
                    "target_end": dt.date(2029, 12, 31)},
    )
    c.proposed_2023 = claim(i2023, guest, "We should slow down and think carefully.", claim_type="normative",
                            status="proposed", topics=[alignment])
    c.rejected_2023 = claim(i2023, guest, "I grew up in Jerusalem.", claim_type="biographical", status="rejected")
    c.host_2023y = claim(i2023y, craig, "Alignment and scaling are both on my mind today.", claim_type="opinion",
                         status="approved", topics=[alignment, scaling])
    c.bio_2023y = claim(i2023y, guest, "I studied in Toronto with Geoff.", claim_type="biographical", status="approved")
    c.pred_2023y_proposed = claim(
        i2023y, guest, "Reliability will be solved by 2024, I predict.", claim_type="prediction", status="proposed",
        hedged=True, prediction={"predicted": "Reliability is solved.", "horizon": "by 2024",
                                 "target_start": dt.date(2024, 1, 1), "status": "did_not_happen",
                                 "resolved_on": dt.date(2025, 1, 2)},
    )
    c.undated_claim = claim(undated, guest, "Artificial general intelligence needs no new ideas, only more compute.",
                            claim_type="factual", status="approved", topics=[agi])
    c.all = [value for value in vars(c).values() if isinstance(value, Claim)]
    return c


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Throttle counters live in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon():
    return APIClient()


@pytest.fixture
def member(db):
    client = APIClient()
    user = get_user_model().objects.create_user("reader", password="pw-reader-123")
    client.force_authenticate(user)
    client.user = user
    return client


@pytest.fixture
def staff(db):
    client = APIClient()
    user = get_user_model().objects.create_user("curator", password="pw-curator-123", is_staff=True)
    client.force_authenticate(user)
    client.user = user
    return client


@pytest.fixture
def staff_token(db):
    user = get_user_model().objects.create_user("token-curator", password="pw-token-123", is_staff=True)
    return Token.objects.create(user=user).key


def names(world, rows) -> list[str]:
    """The fixture names of the claims in a result, in order."""
    by_id = {claim.pk: name for name, claim in vars(world).items() if isinstance(claim, Claim)}
    return [by_id[row["id"]] for row in rows]


_SAVEPOINT = re.compile(r"(?:RELEASE |ROLLBACK TO )?SAVEPOINT ")


def served(queries) -> list[str]:
    """The SQL of captured queries a request makes as served: without the savepoints that exist only
    because the test's transaction wraps it (the topic counts end their planner settings with one
    inside a caller's transaction; in autocommit, as served, there is none)."""
    return [query["sql"] for query in queries if not _SAVEPOINT.match(query["sql"])]
