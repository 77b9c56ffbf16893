"""The claims database: interviews, who spoke, what they claimed and predicted."""
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .ingest.names import unique_slug

from .managers import (
    ClaimManager,
    FormerSlugManager,
    InterviewPartManager,
    ParticipationManager,
    PredictionManager,
    SlugManager,
    SlugOrFormerSlugManager,
)


class Speaker(models.Model):
    """A person who speaks in interviews, with the spellings transcripts use for them."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other spellings in transcripts, e.g. 'Ilya switzerberger'."
    )
    description = models.CharField(max_length=500, blank=True)
    affiliation = models.CharField(max_length=200, blank=True)
    link = models.URLField(max_length=500, blank=True)

    objects = SlugOrFormerSlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        # a speaker named by a part is one of many: every diarised file has its "Speaker 2"
        # (slug "speaker-2-in-<interview>"); where the slug is not the name's, show it too
        return self.name if self.slug == unique_slug(self.name) else f"{self.name} ({self.slug})"

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        _refuse_anothers_former_slug(self, SpeakerFormerSlug, "speaker")


class Topic(models.Model):
    """A subject in the taxonomy tree; a query for a topic includes its subtopics."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    keywords = models.JSONField(default=list, blank=True, help_text="Words and phrases used for tagging.")

    objects = SlugOrFormerSlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("id")), name="topic_not_own_parent"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        _refuse_anothers_former_slug(self, TopicFormerSlug, "topic")
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": "A topic cannot be its own ancestor."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


def latest_today() -> dt.date:
    """Today's date where it is latest, UTC+14 (Kiribati): a curator in Sydney or an interview published in
    Tokyo may already be a day ahead of the server's UTC date, and is not in the future."""
    return (timezone.now() + dt.timedelta(hours=14)).date()


def after_today(value: dt.date | None, event: str, *, precision: str = "day") -> str | None:
    """The refusal of a date that has not come yet anywhere ("Published on 2027-01-05, after today (...).",
    "Published in 2027, ..." for a year), else None: what has happened (an interview aired, an outcome
    judged) cannot be dated in the future. A year or month is stored as its first day, which is the one
    compared: "in 2026-12" is not after any day of December 2026."""
    if value is None:  # (before reading the clock: most sources say no date, 0.02 ms an ingestion)
        return None
    today = latest_today()
    if value <= today:
        return None
    said = {"year": f"in {value.year}", "month": f"in {value:%Y-%m}"}.get(precision, f"on {value}")
    return f"{event} {said}, after today ({today})."


def _refuse_anothers_former_slug(row, former_model, owner: str) -> None:
    """A slug that still names another speaker or topic (one merged into it, or its old slug) stays
    theirs: links, API queries and citations made with it must not start naming this row instead."""
    if not row.slug:
        return
    held = former_model.objects.filter(slug=row.slug).exclude(**{f"{owner}_id": row.pk}).select_related(owner).first()
    if held is not None:
        holder = getattr(held, owner)
        raise ValidationError({"slug": (
            f"{row.slug!r} is a former slug of {holder.name} ({holder.slug}): it still leads there. Choose another slug."
        )})


class SpeakerFormerSlug(models.Model):
    """A slug a speaker no longer has (it was merged into this speaker, or renamed): it still names the speaker."""

    slug = models.SlugField(max_length=200, unique=True)
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="former_slugs")

    objects = FormerSlugManager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return f"{self.slug} (now {self.speaker.slug})"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["claims.speaker"]


class TopicFormerSlug(models.Model):
    """A slug a topic no longer has (it was merged into this topic, or renamed): it still names the topic."""

    slug = models.SlugField(max_length=100, unique=True)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="former_slugs")

    objects = FormerSlugManager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return f"{self.slug} (now {self.topic.slug})"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["claims.topic"]


class Interview(models.Model):
    """One interview: its metadata and its source text exactly as received."""

    class Precision(models.TextChoices):
        DAY = "day", "day"
        MONTH = "month", "month"
        YEAR = "year", "year"

    class SourceFormat(models.TextChoices):
        RAW_CAPTIONS = "raw_captions", "raw speech-recognition captions"
        SCRAPED_PAGE = "scraped_page", "scraped transcript page"
        CHAPTERED = "chaptered", "chaptered transcript"
        WEBVTT = "webvtt", "WebVTT captions"
        SRT = "srt", "SRT captions"
        SBV = "sbv", "SBV captions (YouTube Studio)"
        ASS = "ass", "SubStation Alpha captions (.ass, .ssa)"
        SAMI = "sami", "SAMI captions (.smi, .sami)"
        MICRODVD = "microdvd", "MicroDVD captions (.sub)"
        LINE_NUMBERED = "line_numbered", "line-numbered pages (court or hearing transcript)"
        LABELLED = "labelled", "Name: labelled transcript"
        TIMED_LINES = "timed_lines", "timed lines (YouTube transcript panel)"
        PLAIN = "plain", "plain text"

    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=500, blank=True)
    show = models.CharField(max_length=200, blank=True)
    link = models.URLField(max_length=500, blank=True)
    video_id = models.CharField(max_length=100, blank=True)
    published = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=5, choices=Precision.choices, blank=True,
        help_text="How much of the published date is known; 2023 with 'year' means some day in 2023.",
    )
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    source_format = models.CharField(max_length=20, choices=SourceFormat.choices)
    source_name = models.CharField(max_length=300, blank=True, help_text="File name as received.")
    source_text = models.TextField(help_text="The transcript as received (decoded, never normalised).")
    sha256 = models.CharField(max_length=64, unique=True, help_text="Of the source bytes as received.")
    participants = models.ManyToManyField(Speaker, through="Participation", related_name="interviews")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SlugManager()

    class Meta:
        ordering = ["published", "slug"]
        indexes = [models.Index(fields=["published", "id"], name="interview_published_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(published__isnull=True) & Q(published_precision=""))
                | (Q(published__isnull=False) & ~Q(published_precision="")),
                name="interview_date_has_precision",
            ),
            # one video is one interview: a second file of it (a translation, the automatic captions, a
            # download since) would put each of its claims in every query twice
            models.UniqueConstraint(
                fields=["video_id"], condition=~Q(video_id=""), name="one_interview_per_video",
                violation_error_message="Another interview has this video id: one video is one interview.",
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        errors = {}
        refusal = after_today(self.published, "Published", precision=self.published_precision)
        if refusal:
            errors["published"] = refusal
        # said here to name the holder, which the constraint's own message cannot
        holder = Interview.objects.filter(video_id=self.video_id).exclude(pk=self.pk).first() if self.video_id else None
        if holder is not None:
            errors["video_id"] = (f"Video {self.video_id} is stored already, as {holder.slug!r} from "
                                  f"{holder.source_name}: one video is one interview.")
        if errors:
            raise ValidationError(errors)


class Participation(models.Model):
    """A speaker's role (host or guest) in one interview."""

    class Role(models.TextChoices):
        HOST = "host", "host"
        GUEST = "guest", "guest"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="participations")
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=10, choices=Role.choices)

    objects = ParticipationManager()

    class Meta:
        ordering = ["interview", "role", "speaker"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "speaker"], name="one_role_per_speaker_per_interview"),
        ]

    def __str__(self):
        return f"{self.speaker} ({self.role}) in {self.interview}"

    def natural_key(self):
        return self.interview.natural_key() + (self.speaker.slug,)

    natural_key.dependencies = ["claims.interview", "claims.speaker"]


class Chapter(models.Model):
    """A chapter of an interview as its source lists it: title, start time, where its text begins."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="chapters")
    index = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    start_seconds = models.PositiveIntegerField()
    start_char = models.PositiveIntegerField(null=True, blank=True)

    objects = InterviewPartManager()

    class Meta:
        ordering = ["interview", "index"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "index"], name="unique_chapter_index"),
        ]

    def __str__(self):
        return f"{self.interview.slug} #{self.index}: {self.title}"

    def natural_key(self):
        return self.interview.natural_key() + (self.index,)

    natural_key.dependencies = ["claims.interview"]


class Turn(models.Model):
    """A stretch of the source text spoken by one person, with its (possibly estimated) start time."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="turns")
    index = models.PositiveIntegerField()
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.PROTECT, related_name="turns"
    )
    start_char = models.PositiveIntegerField()
    end_char = models.PositiveIntegerField()
    start_seconds = models.FloatField(null=True, blank=True)
    seconds_estimated = models.BooleanField(default=False)

    objects = InterviewPartManager()

    class Meta:
        ordering = ["interview", "index"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "index"], name="unique_turn_index"),
            models.CheckConstraint(condition=Q(start_char__lt=F("end_char")), name="turn_span_not_empty"),
        ]

    def __str__(self):
        return f"{self.interview.slug} turn {self.index}"

    def natural_key(self):
        return self.interview.natural_key() + (self.index,)

    natural_key.dependencies = ["claims.interview", "claims.speaker"]


class Claim(models.Model):
    """One claim: a verbatim quote at exact offsets in an interview, and what it says in one sentence."""

    class Type(models.TextChoices):
        OPINION = "opinion", "opinion"
        FACTUAL = "factual", "factual"
        PREDICTION = "prediction", "prediction"
        BIOGRAPHICAL = "biographical", "biographical"
        NORMATIVE = "normative", "normative"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "proposed"
        APPROVED = "approved", "approved"
        REJECTED = "rejected", "rejected"

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "extracted"
        MANUAL = "manual", "manual"

    interview = models.ForeignKey(Interview, on_delete=models.PROTECT, related_name="claims")
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="claims")
    quote = models.TextField(help_text="Verbatim: exactly the interview's source text between the offsets.")
    start_char = models.PositiveIntegerField()
    end_char = models.PositiveIntegerField()
    statement = models.TextField(help_text="One clean, punctuated sentence a reader can cite.")
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")
    claim_type = models.CharField(max_length=20, choices=Type.choices, default=Type.OPINION)
    hedged = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MANUAL)
    extractor_score = models.FloatField(null=True, blank=True)
    start_seconds = models.FloatField(null=True, blank=True)
    seconds_estimated = models.BooleanField(default=False)
    # The interview's published date, copied so that date filters and date ordering use one index.
    date = models.DateField(null=True, blank=True, editable=False)
    curator_notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimManager()
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["interview", "start_char", "end_char"]
        indexes = [
            models.Index(fields=["date", "id"], name="claim_date_idx"),
            models.Index(fields=["speaker", "date", "id"], name="claim_speaker_date_idx"),
            models.Index(fields=["status", "date", "id"], name="claim_status_date_idx"),
            models.Index(fields=["claim_type", "date", "id"], name="claim_type_date_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "start_char", "end_char"], name="one_claim_per_span"
            ),
            models.CheckConstraint(condition=Q(start_char__lt=F("end_char")), name="claim_span_not_empty"),
        ]

    def __str__(self):
        return self.statement[:80] or self.quote[:80]

    def natural_key(self):
        return self.interview.natural_key() + (self.start_char, self.end_char)

    def save(self, *args, **kwargs):
        if self.interview_id is not None:
            self.date = self.interview.published
        super().save(*args, **kwargs)

    natural_key.dependencies = ["claims.interview", "claims.speaker", "claims.topic"]

    def clean(self):
        errors = {}
        if self.start_char is not None and self.end_char is not None:
            if self.start_char >= self.end_char:
                errors["end_char"] = "The end offset must be after the start offset."
            elif self.interview_id is not None:
                problem = quote_mismatch(self.interview.source_text, self.quote, self.start_char, self.end_char)
                if problem:
                    errors["quote"] = problem
        if (
            self.pk is not None
            and self.claim_type != self.Type.PREDICTION
            and Prediction.objects.filter(claim_id=self.pk).exists()
        ):
            errors["claim_type"] = "This claim has a prediction; only a prediction claim can carry one."
        if errors:
            raise ValidationError(errors)


def overdue_condition(today: dt.date | None = None, *, through: str = "") -> Q:
    """The open predictions whose target range ended before today: the one meaning of "overdue" for the API's
    filter and the admin's filters and badges. A range with a start and no end ("after 2030") never closes, so
    it is never overdue. `through` is the path to the prediction from the model filtered ("prediction__")."""
    today = today or dt.date.today()
    return Q(**{f"{through}status": Prediction.Status.OPEN, f"{through}target_end__lt": today})


def quote_mismatch(source_text: str, quote: str, start_char: int, end_char: int) -> str:
    """Why a quote does not match the source at its offsets, in plain words; empty when it matches."""
    if end_char > len(source_text):
        return (
            f"The offsets {start_char}-{end_char} run past the end of the transcript "
            f"({len(source_text)} characters)."
        )
    actual = source_text[start_char:end_char]
    if actual == quote:
        return ""
    shown = actual if len(actual) <= 200 else actual[:200] + "…"
    return f"The quote does not match the transcript at {start_char}-{end_char}; the text there is: {shown!r}"


class Prediction(models.Model):
    """What a prediction claim says will happen, by when, and how it turned out."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        CAME_TRUE = "came_true", "came true"
        DID_NOT_HAPPEN = "did_not_happen", "did not happen"
        PARTIALLY = "partially", "partially"
        UNRESOLVABLE = "unresolvable", "unresolvable"

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="prediction")
    predicted = models.TextField(help_text="What is predicted, in one sentence.")
    horizon = models.CharField(max_length=200, blank=True, help_text="The time as said: 'by 2030', 'pretty soon'.")
    target_start = models.DateField(null=True, blank=True)
    target_end = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    resolved_on = models.DateField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)
    evidence_link = models.URLField(max_length=500, blank=True)

    objects = PredictionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["target_end", "claim"]
        indexes = [models.Index(fields=["status", "target_end"], name="prediction_status_target_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_start__isnull=True) | Q(target_end__isnull=True)
                | Q(target_start__lte=F("target_end")),
                name="prediction_target_range_ordered",
            ),
        ]

    def __str__(self):
        return self.predicted[:80]

    def natural_key(self):
        return self.claim.natural_key()

    natural_key.dependencies = ["claims.claim"]

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Open, and the last day it gave itself has passed (see `overdue_condition`)."""
        today = today or dt.date.today()
        return self.status == self.Status.OPEN and self.target_end is not None and self.target_end < today

    def clean(self):
        errors = {}
        if self.claim_id is not None and self.claim.claim_type != Claim.Type.PREDICTION:
            errors["claim"] = "Only a claim of type 'prediction' can carry a prediction."
        if self.target_start and self.target_end and self.target_start > self.target_end:
            errors["target_end"] = "The target range ends before it starts."
        if self.status != self.Status.OPEN and self.resolved_on is None:
            errors["resolved_on"] = "A resolved prediction needs the date it was resolved."
        if self.status == self.Status.OPEN and self.resolved_on is not None:
            errors["resolved_on"] = "An open prediction has no resolution date."
        made_on = self.claim.date if self.claim_id is not None else None
        future = after_today(self.resolved_on, "Resolved")
        if self.resolved_on is not None and made_on is not None and self.resolved_on < made_on:
            # a typo such as 1999 for 2024: an outcome cannot be known before the prediction was said
            errors["resolved_on"] = f"Resolved on {self.resolved_on}, before the prediction was made ({made_on})."
        elif future:
            errors["resolved_on"] = future
        if errors:
            raise ValidationError(errors)
