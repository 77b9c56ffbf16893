"""Interviews: metadata, participants, chapters and claims; the transcript page; upload and re-extraction."""
from __future__ import annotations


from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from claims.ingest.errors import IngestError
from claims.ingest.formats import PARSERS
from claims.ingest.records import Metadata
from claims.models import Chapter, Claim, Interview, Participation, Speaker, Turn
from claims.selectors import related_count
from claims.services import (
    IngestConflict,
    IngestFailed,
    VideoConflict,
    claim_update,
    claims_extract,
    interview_ingest_file,
    interview_update,
    turns_speaker_set,
)

from .common import ADMIN_CSS, admin_url, date_display, plural, shorten
from .transcript import seconds_display, transcript_blocks


class ParticipationInline(admin.TabularInline):
    model = Participation
    autocomplete_fields = ("speaker",)
    extra = 0


class ChapterInline(admin.TabularInline):
    model = Chapter
    fields = ("index", "title", "start_seconds", "start_char")
    extra = 0


class ClaimInline(admin.TabularInline):
    """The interview's claims in transcript order; the status can be set here, the rest on the claim page."""

    model = Claim
    fields = ("span", "speaker_name", "statement_short", "claim_type", "status")
    readonly_fields = ("span", "speaker_name", "statement_short", "claim_type")
    extra = 0
    can_delete = False
    show_change_link = True
    classes = ("collapse",)

    def has_add_permission(self, request, obj=None):
        return False  # claims are added from a selection in the transcript

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker").order_by("start_char", "end_char")

    @admin.display(description="span")
    def span(self, claim):
        url = reverse("admin:claims_interview_transcript", args=[claim.interview_id])
        return format_html('<a href="{}#claim-{}">{}–{}</a>', url, claim.pk, claim.start_char, claim.end_char)

    @admin.display(description="speaker")
    def speaker_name(self, claim):
        return claim.speaker.name

    @admin.display(description="statement")
    def statement_short(self, claim):
        return shorten(claim.statement, 120)


class UploadForm(forms.Form):
    file = forms.FileField(help_text="A transcript as received: text in UTF-8 (or UTF-16 with a byte-order mark), "
                                     "a web page saved as HTML, a Word document (.docx), a PDF with a text layer "
                                     "(a scan needs OCR first) or a speech recogniser's JSON.")
    format = forms.ChoiceField(
        choices=[("", "detect from the text")] + [(name, Interview.SourceFormat(name).label) for name in PARSERS],
        required=False,
    )
    single_speaker = forms.BooleanField(
        label="One speaker throughout", required=False,
        help_text="A lecture or a talk: where the file names no speakers, every word is one speaker's "
                  "instead of being split between a host and a guest.",
    )
    slug = forms.SlugField(
        max_length=200, required=False,
        help_text="The interview's slug in URLs and the API; by default made from the file's title or name. "
                  "Give one when another transcript already holds that slug.",
    )


class SpeakerForm(forms.Form):
    """What the transcript page posts to say who speaks a stretch: its source offsets and a participant."""

    start_char = forms.IntegerField(min_value=0)
    end_char = forms.IntegerField(min_value=1)
    speaker = forms.ModelChoiceField(queryset=Speaker.objects.none(), error_messages={
        "invalid_choice": "that speaker does not take part in this interview."})

    def __init__(self, interview, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = Speaker.objects.filter(participations__interview=interview)


def _form_error(form) -> str:
    field, errors = next(iter(form.errors.items()))
    return f"{field.replace('_', ' ')}: {errors[0]}" if field != "__all__" else errors[0]


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ("title_or_slug", "show", "published_display", "source_format", "claim_count",
                    "proposed_count", "transcript_link")
    list_filter = ("show", "source_format")
    search_fields = ("title", "slug", "show")
    date_hierarchy = "published"
    ordering = ("-published", "slug")
    inlines = (ParticipationInline, ChapterInline, ClaimInline)
    prepopulated_fields = {}
    readonly_fields = ("source_format", "source_name", "sha256", "source_summary", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "show", ("published", "published_precision"), "duration_seconds",
                           ("link", "video_id"))}),
        ("Source (as received, read-only)", {"fields": ("source_summary", ("source_format", "source_name"), "sha256",
                                                        ("created_at", "updated_at"))}),
    )

    class Media:
        css = {"all": ADMIN_CSS}

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source_text").annotate(
            n_claims=related_count(Claim, "interview"),
            n_proposed=related_count(Claim, "interview", status=Claim.Status.PROPOSED),
        )

    def has_add_permission(self, request):
        return False  # interviews come in through Upload, which runs the ingestion pipeline

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("upload/", wrap(self.upload_view), name="claims_interview_upload"),
            path("<int:object_id>/transcript/", wrap(self.transcript_view), name="claims_interview_transcript"),
            path("<int:object_id>/extract/", wrap(self.extract_view), name="claims_interview_extract"),
            path("<int:object_id>/speaker/", wrap(self.speaker_view), name="claims_interview_speaker"),
            *super().get_urls(),
        ]

    # --- columns ---

    @admin.display(description="title", ordering="title")
    def title_or_slug(self, interview):
        return shorten(str(interview), 80)

    @admin.display(description="published", ordering="published")
    def published_display(self, interview):
        return date_display(interview.published, interview.published_precision)

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, interview):
        url = reverse("admin:claims_claim_changelist") + f"?interview__id__exact={interview.pk}"
        return format_html('<a href="{}">{}</a>', url, interview.n_claims)

    @admin.display(description="proposed", ordering="n_proposed")
    def proposed_count(self, interview):
        url = reverse("admin:claims_claim_changelist") + f"?interview__id__exact={interview.pk}&status__exact=proposed"
        return format_html('<a href="{}">{}</a>', url, interview.n_proposed)

    @admin.display(description="")
    def transcript_link(self, interview):
        return format_html('<a href="{}">transcript</a>', reverse("admin:claims_interview_transcript", args=[interview.pk]))

    @admin.display(description="transcript")
    def source_summary(self, interview):
        return format_html(
            '{} characters, {} turns, {} — <a href="{}">open the transcript</a>',
            len(interview.source_text), interview.turns.count(),
            plural(interview.claims.count(), "claim"),
            reverse("admin:claims_interview_transcript", args=[interview.pk]),
        )

    # --- saving through the services ---

    def save_model(self, request, obj, form, change):
        interview_update(obj, **{name: form.cleaned_data[name] for name in form.changed_data})

    def save_formset(self, request, form, formset, change):
        if formset.model is not Claim:
            return super().save_formset(request, form, formset, change)
        for claim_form in formset.forms:
            if claim_form.has_changed() and "status" in claim_form.changed_data:
                claim_update(claim_form.instance, status=claim_form.cleaned_data["status"])
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    # --- the transcript page ---

    def transcript_view(self, request, object_id):
        interview = get_object_or_404(Interview, pk=object_id)
        if not self.has_view_permission(request, interview):
            raise PermissionDenied
        turns = list(Turn.objects.filter(interview=interview).select_related("speaker").order_by("start_char"))
        for turn in turns:
            turn.time = seconds_display(turn.start_seconds, turn.seconds_estimated)
        claims = list(Claim.objects.filter(interview=interview).select_related("speaker").order_by("start_char", "end_char"))
        chapters = list(Chapter.objects.filter(interview=interview).order_by("index"))
        for chapter in chapters:
            chapter.time = seconds_display(chapter.start_seconds)
        counts = {status: 0 for status in Claim.Status.values}
        for claim in claims:
            counts[claim.status] += 1
        context = {
            **self.admin_site.each_context(request),
            "title": f"Transcript: {interview}",
            "subtitle": None,
            "opts": self.model._meta,
            "original": interview,
            "interview": interview,
            "blocks": transcript_blocks(interview.source_text, turns, claims, chapters),
            "claims": claims,
            "chapters": chapters,
            "status_counts": [(status, label, counts[status]) for status, label in Claim.Status.choices],
            "published": date_display(interview.published, interview.published_precision),
            "participants": interview.participations.select_related("speaker"),
            "add_claim_url": reverse("admin:claims_claim_add"),
            "can_add_claim": request.user.has_perm("claims.add_claim"),
            "can_set_speaker": self.has_change_permission(request, interview),
            "media": self.media,
        }
        return TemplateResponse(request, "admin/claims/interview/transcript.html", context)

    def speaker_view(self, request, object_id):
        """The transcript page's "Spoken by": the selected characters become the chosen participant's."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        interview = get_object_or_404(Interview, pk=object_id)
        if not self.has_change_permission(request, interview):
            raise PermissionDenied
        back = HttpResponseRedirect(reverse("admin:claims_interview_transcript", args=[interview.pk]))
        form = SpeakerForm(interview, request.POST)
        if not form.is_valid():
            self.message_user(request, f"Speaker not changed: {_form_error(form)}", messages.ERROR)
            return back
        speaker = form.cleaned_data["speaker"]
        try:
            done = turns_speaker_set(interview, start_char=form.cleaned_data["start_char"],
                                     end_char=form.cleaned_data["end_char"], speaker=speaker)
        except ValidationError as error:
            self.message_user(request, f"Speaker not changed: {_error_text(error)}", messages.ERROR)
            return back
        where = f"characters {done.start_char:,}–{done.end_char:,}"
        if not done.was:
            self.message_user(request, f"Nothing changed: {where} were already spoken by {speaker.name}.", messages.WARNING)
            return back
        said = (f"{where} now spoken by {speaker.name} (were {' and '.join(done.was)}); "
                f"{plural(done.turns_after, 'turn')} (were {done.turns_before:,})"
                + (f"; {plural(done.claims_moved, 'claim')} in them moved to {speaker.name}." if done.claims_moved else "."))
        self.log_change(request, interview, f"Speaker set: {said}")
        self.message_user(request, said[0].upper() + said[1:], messages.SUCCESS)
        back["Location"] += f"#turn-{done.turn_start}"
        return back

    # --- re-extraction and upload: the same services as the ingest and extract_claims commands ---

    def extract_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        interview = get_object_or_404(Interview, pk=object_id)
        if not self.has_change_permission(request, interview):
            raise PermissionDenied
        try:
            added = claims_extract(interview)
        except (IngestError, ValidationError, ValueError) as error:
            self.message_user(request, f"Extraction failed: {_error_text(error)}", messages.ERROR)
        else:
            self.message_user(
                request,
                f"Extraction ran again for “{interview}”: {plural(added, 'new proposal')} "
                "(curated claims are never replaced).",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(admin_url(interview))

    def upload_view(self, request):
        if not self.has_view_permission(request) or not request.user.has_perm("claims.add_interview"):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            interview = self._ingest_upload(request, form.cleaned_data["file"], form.cleaned_data["format"] or None,
                                            single_speaker=form.cleaned_data["single_speaker"],
                                            slug=form.cleaned_data["slug"])
            if interview is not None:
                return HttpResponseRedirect(reverse("admin:claims_interview_transcript", args=[interview.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload a transcript",
            "opts": self.model._meta,
            "form": form,
            "max_bytes": settings.INGEST_MAX_BYTES,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/claims/interview/upload.html", context)

    def _ingest_upload(self, request, upload, fmt: str | None, *, single_speaker: bool = False,
                       slug: str = "") -> Interview | None:
        """Run the ingestion service on an uploaded file; every refusal becomes an error message."""
        name = upload.name
        if upload.size > settings.INGEST_MAX_BYTES:
            self.message_user(request, f"{name}: file is {upload.size} bytes, over the size limit of "
                                       f"{settings.INGEST_MAX_BYTES} bytes", messages.ERROR)
            return None
        data = upload.read()
        try:
            metadata = Metadata(slug=slug, single_speaker=True if single_speaker else None)
            interview, created, proposals = interview_ingest_file(data=data, source=name, fmt=fmt, metadata=metadata)
        except IngestFailed as failure:
            for error in failure.errors:
                self.message_user(request, str(error), messages.ERROR)
            return None
        except IngestError as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        except (IngestConflict, ValidationError) as error:
            # another slug lets a file in beside the one holding its slug, not beside its video's interview
            way_out = " (the Slug field below)" if isinstance(error, IngestConflict) and not isinstance(error, VideoConflict) else ""
            for line in _error_lines(error):
                self.message_user(request, f"{name}: {line}{way_out}", messages.ERROR)
            return None
        if created:
            self.message_user(
                request,
                format_html('Ingested {} as “<a href="{}">{}</a>”: {} turns, {}.', name, admin_url(interview),
                            interview, interview.turns.count(), plural(proposals, "proposed claim")),
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                format_html('{}: this file was ingested already, as “<a href="{}">{}</a>”; nothing changed.',
                            name, admin_url(interview), interview),
                messages.WARNING,
            )
        return interview


def _error_lines(error) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]


def _error_text(error) -> str:
    return "; ".join(_error_lines(error))
