"""A small curation desk: one interview with turns, topics in a tree, claims in each status, a prediction."""
import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils.html import strip_tags

from claims.models import Claim, Participation, Turn
from claims.services import claim_create
from tests.factories import make_claim, make_interview, make_speaker, make_topic, span_of


def add_turns(interview, speakers_by_label):
    """One turn per 'Label:' line of the interview's text, speaker looked up by label."""
    position, index = 0, 0
    for line in interview.source_text.splitlines(keepends=True):
        label = line.split(":", 1)[0] if ":" in line else None
        if label in speakers_by_label:
            Turn.objects.create(interview=interview, index=index, speaker=speakers_by_label[label],
                                start_char=position, end_char=position + len(line), start_seconds=12.0 * index)
            index += 1
        position += len(line)


@pytest.fixture
def desk(db):
    host = make_speaker(name="Harriet Host", slug="harriet-host")
    guest = make_speaker(name="Gustav Guest", slug="gustav-guest")
    interview = make_interview(title="A talk about reliability")
    Participation.objects.create(interview=interview, speaker=host, role="host")
    Participation.objects.create(interview=interview, speaker=guest, role="guest")
    add_turns(interview, {"Host": host, "Guest": guest})
    ml = make_topic(name="Machine learning", slug="machine-learning")
    reliability = make_topic(name="Reliability", slug="reliability", parent=ml)
    other = make_topic(name="Other", slug="other")
    proposed = make_claim(interview=interview, speaker=guest, topics=[reliability], origin="extracted")
    approved = make_claim(
        interview=interview, speaker=guest, quote="Neural networks are the next best thing to the shortest program.",
        statement="Guest says neural networks are the next best thing to the shortest program.",
        status="approved", claim_type="factual",
    )
    start, end = span_of(interview, "Welcome to the show.")
    rejected = claim_create(interview=interview, speaker=host, start_char=start, end_char=end,
                            statement="The host welcomes listeners.", status="rejected")
    start, end = span_of(interview, "reliability will improve a lot within two years")
    prediction_claim = claim_create(
        interview=interview, speaker=guest, start_char=start, end_char=end, claim_type="prediction",
        statement="Guest predicts reliability will improve a lot by 2025.", topics=[reliability],
        prediction={"predicted": "Reliability improves a lot.", "horizon": "within two years",
                    "target_start": dt.date(2025, 1, 1), "target_end": dt.date(2025, 3, 27)},
    )
    return SimpleNamespace(
        host=host, guest=guest, interview=interview, ml=ml, reliability=reliability, other=other,
        proposed=proposed, approved=approved, rejected=rejected, prediction_claim=prediction_claim,
        prediction=prediction_claim.prediction,
    )


def messages_of(response) -> list[str]:
    """The admin messages a response shows, as plain text (links removed)."""
    return [strip_tags(str(message)) for message in response.context["messages"]] if response.context else []


def reload(obj):
    obj.refresh_from_db()
    return obj


def statuses():
    return dict(Claim.objects.values_list("pk", "status"))


def former_slug_forms(row, delete=()) -> dict:
    """The former-slug inline of a speaker's or topic's change page as the browser posts it: each former
    slug's row (read-only slug, hidden id) with its delete box ticked for those in `delete`."""
    owner = row._meta.model_name
    formers = list(row.former_slugs.order_by("slug"))
    data = {"former_slugs-TOTAL_FORMS": str(len(formers)), "former_slugs-INITIAL_FORMS": str(len(formers)),
            "former_slugs-MIN_NUM_FORMS": "0", "former_slugs-MAX_NUM_FORMS": "1000"}
    for index, former in enumerate(formers):
        data |= {f"former_slugs-{index}-id": str(former.pk), f"former_slugs-{index}-{owner}": str(row.pk)}
        if former.slug in delete:
            data[f"former_slugs-{index}-DELETE"] = "on"
    return data
