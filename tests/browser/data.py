"""A realistic desk for the browser: seed 001 as received, its turns, and its curated claims in every status."""
import datetime as dt
import hashlib
import json
from pathlib import Path

from django.core.management import call_command

from claims.models import Claim, Interview, Participation, Prediction, Speaker, Turn
from claims.services import annotations_import, claims_bulk_update, prediction_update

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "001_4ce4f833089e0e5e.txt"
SHEET = ROOT / "curation" / "001.json"
TURNS = ROOT / "curation" / "001_turns.json"

# Claims from this offset on are set back to 'proposed', as if extraction had just proposed them.
PROPOSED_FROM = 9000


def lunar_society() -> Interview:
    """Seed 001 (emoji and no-break spaces in its text) with turns and curated claims; returns the interview."""
    call_command("loaddata", str(ROOT / "fixtures" / "topics.json"), str(ROOT / "fixtures" / "speakers.json"),
                 verbosity=0)
    data = SEED.read_bytes()
    text = data.decode("utf-8")
    interview = Interview.objects.create(
        slug="lunar-society-ilya-sutskever", title="Ilya Sutskever (OpenAI Chief Scientist) - Building AGI",
        show="The Lunar Society", published=dt.date(2023, 3, 27), published_precision="day",
        source_format="scraped_page", source_name=SEED.name, source_text=text,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    speakers = {speaker.slug: speaker for speaker in Speaker.objects.all()}
    Participation.objects.create(interview=interview, speaker=speakers["dwarkesh-patel"], role="host")
    Participation.objects.create(interview=interview, speaker=speakers["ilya-sutskever"], role="guest")
    turns = json.loads(TURNS.read_text())
    Turn.objects.bulk_create(
        Turn(interview=interview, index=i, speaker=speakers[row["speaker"]], start_char=row["start_char"],
             end_char=row["end_char"], start_seconds=8.0 * i, seconds_estimated=True)
        for i, row in enumerate(turns)
    )
    annotations_import(json.loads(SHEET.read_text()), source=SHEET.name)
    claims = Claim.objects.filter(interview=interview)
    claims_bulk_update(claims.filter(start_char__gte=PROPOSED_FROM), status=Claim.Status.PROPOSED)
    claims_bulk_update(claims.filter(claim_type="opinion").order_by("start_char")[:2], status=Claim.Status.REJECTED)
    # Give two open predictions a target date in the past, so the list shows overdue ones.
    for prediction in Prediction.objects.filter(claim__interview=interview, status="open").order_by("claim__start_char")[:2]:
        prediction_update(prediction, target_start=dt.date(2024, 1, 1), target_end=dt.date(2024, 12, 31))
    return interview


def first_free_sentence(interview: Interview, speaker_slug: str, *, min_chars: int = 40) -> tuple[int, int, str]:
    """A sentence in a turn of the speaker that no claim touches: (start, end, text)."""
    text = interview.source_text
    taken = list(Claim.objects.filter(interview=interview).values_list("start_char", "end_char"))
    for turn in Turn.objects.filter(interview=interview, speaker__slug=speaker_slug).order_by("start_char"):
        position = turn.start_char
        while position < turn.end_char:
            end = text.find(".", position, turn.end_char)
            if end < 0:
                break
            start = position
            while start < end and text[start].isspace():
                start += 1
            end += 1
            if end - start >= min_chars and all(e <= start or end <= s for s, e in taken) and "\n" not in text[start:end]:
                return start, end, text[start:end]
            position = end
    raise LookupError(f"no unclaimed sentence by {speaker_slug}")
