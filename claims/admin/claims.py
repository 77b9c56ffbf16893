"""Claims: the list curators filter and approve from, the claim form, and the bulk actions."""
from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from claims.models import Claim, Interview, Prediction, Speaker, Topic, overdue_condition
from claims.selectors import claim_search, claim_spoken_quote_of, former_slug_targets, rows_now
from claims.services import (
    PREDICTION_FIELDS,
    claim_create,
    claim_prediction_set,
    claim_update,
    claims_bulk_update,
)

from .common import (
    ADMIN_CSS, HistoryAdmin, RelatedWithRowsFilter, admin_url, confirmation_context, date_display, plural, shorten,
    status_badge,
)

# How much transcript the claim form shows on each side of the quote.
CONTEXT_CHARS = 300


def _one_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class ClaimAdminForm(forms.ModelForm):
    """The claim form; the quote is checked against the transcript at its offsets (in Claim.clean)."""

    # strip=False: a quote may begin or end with spaces the transcript has there.
    quote = forms.CharField(
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text=Claim._meta.get_field("quote").help_text,
    )

    class Meta:
        model = Claim
        fields = "__all__"
        widgets = {"statement": forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"})}

    def clean(self):
        cleaned = super().clean()
        interview, quote = cleaned.get("interview"), cleaned.get("quote")
        start, end = cleaned.get("start_char"), cleaned.get("end_char")
        if interview is not None and quote is not None and start is not None and end is not None:
            actual = interview.source_text[start:end]
            # Browsers submit a textarea's line breaks as CRLF whatever the transcript has; the
            # offsets still decide, so a quote that differs only there is the transcript's text.
            if quote != actual and _one_line_breaks(quote) == _one_line_breaks(actual):
                cleaned["quote"] = actual
        return cleaned


class PredictionInline(admin.StackedInline):
    model = Prediction
    fields = (("predicted",), ("horizon", "target_start", "target_end"), ("status", "resolved_on"),
              "resolution_note", "evidence_link")
    extra = 0
    max_num = 1
    can_delete = False
    verbose_name = "prediction"
    verbose_name_plural = "prediction (for claims of type 'prediction')"

    def get_extra(self, request, obj=None, **kwargs):
        has_one = obj is not None and Prediction.objects.filter(claim=obj).exists()
        return 0 if has_one else 1


class TopicFilter(admin.SimpleListFilter):
    """A topic and its subtopics, listed as the tree."""

    title = "topic"
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        from claims.dataset import topics_in_tree_order

        depth: dict[int, int] = {}
        choices = [("none", "(no topic)")]
        for topic in topics_in_tree_order():
            depth[topic.pk] = depth.get(topic.parent_id, -1) + 1 if topic.parent_id else 0
            choices.append((topic.slug, "\u2003" * depth[topic.pk] + topic.name))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(topics__isnull=True)
        if value:
            # the claims among the topics' links: a join to the links needed DISTINCT over every column, and
            # an EXISTS per claim made SQLite's count probe all of them (at 200,000 claims 0.3-1.1 s; this 0.09 s)
            links = Claim.topics.through.objects.filter(topic_id__in=_topic_and_descendant_ids(value))
            return queryset.filter(pk__in=links.values("claim_id"))
        return queryset


def _topic_and_descendant_ids(slug: str) -> set[int]:
    parents = dict(Topic.objects.values_list("pk", "parent_id"))
    root = Topic.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if root is None:  # a curator's saved link from before a merge or rename
        root = former_slug_targets(Topic, [slug]).get(slug)
    wanted = {root} if root else set()
    grew = True
    while grew:
        more = {pk for pk, parent in parents.items() if parent in wanted and pk not in wanted}
        wanted |= more
        grew = bool(more)
    return wanted


class PredictionFilter(admin.SimpleListFilter):
    title = "prediction"
    parameter_name = "prediction"

    def lookups(self, request, model_admin):
        return (
            ("none", "no prediction"),
            ("any", "has a prediction"),
            ("open", "open"),
            ("overdue", "open and overdue"),
            ("resolved", "resolved"),
        )

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(prediction__isnull=True)
        if value == "any":
            return queryset.filter(prediction__isnull=False)
        if value == "open":
            return queryset.filter(prediction__status=Prediction.Status.OPEN)
        if value == "overdue":
            return queryset.filter(overdue_condition(through="prediction__"))
        if value == "resolved":
            return queryset.filter(prediction__isnull=False).exclude(prediction__status=Prediction.Status.OPEN)
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        # a claim's date is its interview's: the years of interviews with claims, not a scan of every claim
        with_claims = Interview.objects.filter(published__isnull=False).filter(Exists(Claim.objects.filter(interview=OuterRef("pk"))))
        years = with_claims.dates("published", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years] + [("unknown", "unknown")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "unknown":
            return queryset.filter(date__isnull=True)
        if not value:
            return queryset
        # ?year=0 or ?year=99999 has no date range (a ValueError, a 500); ?year=abc was ignored
        if not (value.isdigit() and dt.MINYEAR <= int(value) <= dt.MAXYEAR):
            raise IncorrectLookupParameters(f"year {value!r} is not a year")
        return queryset.filter(date__year=int(value))


class BulkStatusForm(forms.Form):
    """Nothing to choose: the confirmation itself."""


class BulkTopicsForm(forms.Form):
    MODES = (("add", "add these topics"), ("replace", "replace all topics with these"), ("remove", "remove these topics"))

    mode = forms.ChoiceField(choices=MODES, initial="add", widget=forms.RadioSelect)
    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.all(), required=False)

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["topics"]
        field.widget = AutocompleteSelectMultiple(Claim._meta.get_field("topics"), admin_site)
        field.widget.choices = field.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") in ("add", "remove") and not cleaned.get("topics"):
            raise forms.ValidationError("Choose at least one topic to add or remove.")
        return cleaned


class BulkTypeForm(forms.Form):
    claim_type = forms.ChoiceField(label="type", choices=Claim.Type.choices)


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    form = ClaimAdminForm
    inlines = (PredictionInline,)
    list_display = ("short_statement", "interview_short", "speaker", "topic_list", "claim_type",
                    "status_badge", "claim_date", "in_transcript")
    list_display_links = ("short_statement",)
    list_filter = (
        ("interview", RelatedWithRowsFilter),
        ("speaker", RelatedWithRowsFilter),
        TopicFilter, "claim_type", "status", YearFilter, "origin", PredictionFilter, "hedged",
    )
    search_fields = ("quote", "statement")  # read by get_search_results' full-text search, not Django's LIKE
    search_help_text = 'Search the quote and the statement: every word (or a form of it), "a phrase", -not, or.'
    # no date_hierarchy: its years were a scan of every claim on each page (350 ms at 200,000 claims);
    # the year filter lists them from the interviews, and ?date__year=&date__month= links still filter
    autocomplete_fields = ("interview", "speaker", "topics")
    list_per_page = 50
    save_on_top = True
    actions = ("approve_claims", "reject_claims", "set_topics", "set_type")
    history_list_display = ("status", "claim_type", "statement")
    readonly_fields = ("spoken_quote", "transcript_context", "date", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("interview", "speaker", "statement", "topics", ("claim_type", "hedged"), "status")}),
        ("Quote", {"fields": ("quote", "spoken_quote", ("start_char", "end_char"), "transcript_context")}),
        ("Notes", {"fields": ("curator_notes",)}),
        ("Provenance", {
            "classes": ("collapse",),
            "fields": (("origin", "extractor_score"), ("start_seconds", "seconds_estimated"), "date",
                       ("created_at", "updated_at")),
        }),
    )

    class Media:
        css = {"all": ADMIN_CSS}

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .select_related("interview", "speaker")
            .defer("interview__source_text")
            .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        )

    def get_search_results(self, request, queryset, search_term):
        # the API's ?q= (full-text, indexed); Django's LIKE '%word%' read every claim (0.24-0.49 s at 200,000)
        if not search_term.strip():
            return queryset, False
        return claim_search(queryset, search_term), False

    # --- list columns ---

    @admin.display(description="statement", ordering="statement")
    def short_statement(self, claim):
        return shorten(claim.statement or claim.quote, 110)

    @admin.display(description="interview", ordering="interview__published")
    def interview_short(self, claim):
        return shorten(str(claim.interview), 32)

    @admin.display(description="topics")
    def topic_list(self, claim):
        return ", ".join(topic.name for topic in claim.topics.all()) or "—"

    @admin.display(description="status", ordering="status")
    def status_badge(self, claim):
        return status_badge(claim.status, claim.get_status_display())

    @admin.display(description="date", ordering="date")
    def claim_date(self, claim):
        return date_display(claim.date, claim.interview.published_precision)

    @admin.display(description="")
    def in_transcript(self, claim):
        url = reverse("admin:claims_interview_transcript", args=[claim.interview_id])
        return format_html('<a href="{}#claim-{}" title="Show in the transcript">transcript</a>', url, claim.pk)

    @admin.display(description="as spoken")
    def spoken_quote(self, claim):
        # a caption file's quote holds the cue numbers and timing lines between its cues: the words alone
        if claim.pk is None or claim.interview_id is None:
            return "—"
        return claim_spoken_quote_of(claim)

    @admin.display(description="in the transcript")
    def transcript_context(self, claim):
        if claim.pk is None or claim.interview_id is None:
            return "—"
        text = claim.interview.source_text
        before = text[max(0, claim.start_char - CONTEXT_CHARS):claim.start_char]
        at = text[claim.start_char:claim.end_char]
        after = text[claim.end_char:claim.end_char + CONTEXT_CHARS]
        url = reverse("admin:claims_interview_transcript", args=[claim.interview_id])
        return format_html(
            '<div class="claims-context">…{}<mark class="claims-status-{}">{}</mark>{}…</div>'
            '<a href="{}#claim-{}">Open in the transcript</a>',
            before, claim.status, at, after, url, claim.pk,
        )

    # --- the form: prefilled from the transcript page, saved through the services ---

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        interview = Interview.objects.filter(pk=initial.get("interview")).first() if str(
            initial.get("interview", "")).isdigit() else None
        try:
            start, end = int(initial.get("start_char", "")), int(initial.get("end_char", ""))
        except ValueError:
            return initial
        if interview is not None and 0 <= start < end <= len(interview.source_text):
            initial.setdefault("quote", interview.source_text[start:end])
            speaker = Speaker.objects.filter(pk=initial.get("speaker")).first() if str(
                initial.get("speaker", "")).isdigit() else None
            initial.setdefault("statement", statement_suggest(initial["quote"], speaker))
        return initial

    # --- reverting: the history form shows the topics of the version, not today's ---

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.claims_history_version = version_id
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        version = getattr(request, "claims_history_version", None)
        if version is None or obj is None:
            return form_class
        record = Claim.history.filter(history_id=version, id=obj.pk).first()
        topic_ids = list(record.topics.values_list("topic_id", flat=True)) if record is not None else None
        # A version from before a merge names the merged speaker or topic by an id that is gone: it is
        # shown, and reverted to, as the one it was merged into (found through its last slug).
        topics_now = rows_now(Topic, topic_ids or ())
        speaker_now = rows_now(Speaker, [obj.speaker_id]).get(obj.speaker_id) if obj.speaker_id else None

        class VersionForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if topic_ids is not None:
                    topics = {topics_now[pk].pk: topics_now[pk] for pk in topic_ids if pk in topics_now}
                    self.initial["topics"] = sorted(topics.values(), key=lambda topic: topic.slug)
                if speaker_now is not None and speaker_now.pk != self.instance.speaker_id:
                    self.instance.speaker = speaker_now
                    self.initial["speaker"] = speaker_now.pk

        return VersionForm

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            fields = {name: data[name] for name in form.changed_data if name in data and name != "topics"}
            reverting = getattr(request, "claims_history_version", None) is not None
            topics = list(data["topics"]) if "topics" in form.changed_data or reverting else None
            claim_update(obj, topics=topics, **fields)
            return
        core = ("interview", "speaker", "start_char", "end_char", "statement", "quote", "topics")
        extra = {name: data[name] for name in data if name not in core}
        if extra.get("start_seconds") is None:
            # Left empty: the service takes the time of the turn the quote falls in.
            extra.pop("start_seconds", None)
            extra.pop("seconds_estimated", None)
        created = claim_create(
            interview=data["interview"], speaker=data["speaker"], start_char=data["start_char"],
            end_char=data["end_char"], statement=data["statement"], quote=data["quote"],
            topics=list(data.get("topics") or ()), **extra,
        )
        # The admin goes on with its own instance (messages, log, redirect): make it the saved row.
        obj.pk = created.pk
        obj.start_seconds, obj.seconds_estimated, obj.date = created.start_seconds, created.seconds_estimated, created.date
        obj._state.adding = False
        obj._state.db = created._state.db

    def save_related(self, request, form, formsets, change):
        # Topics were written by the service in save_model; only the prediction inline is left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Prediction:
            return super().save_formset(request, form, formset, change)
        for prediction_form in formset.forms:
            if prediction_form.has_changed() and prediction_form.cleaned_data:
                data = {name: prediction_form.cleaned_data[name] for name in PREDICTION_FIELDS
                        if name in prediction_form.cleaned_data}
                claim_prediction_set(form.instance, data)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def response_add(self, request, obj, post_url_continue=None):
        # Claims created from a selection in the transcript go back to it, at the new claim.
        if "_transcript" in request.GET and "_continue" not in request.POST and "_addanother" not in request.POST:
            self.message_user(request, format_html('Created claim “<a href="{}">{}</a>”.', admin_url(obj), obj),
                              messages.SUCCESS)
            url = reverse("admin:claims_interview_transcript", args=[obj.interview_id])
            return HttpResponseRedirect(f"{url}#claim-{obj.pk}")
        return super().response_add(request, obj, post_url_continue)

    # --- bulk actions: a confirmation page, then a count of what changed ---

    @admin.action(description="Approve selected claims", permissions=["change"])
    def approve_claims(self, request, queryset):
        return self._bulk(request, queryset, "approve_claims", "Approve claims", BulkStatusForm,
                          lambda claims, form: claims_bulk_update(claims, status=Claim.Status.APPROVED),
                          done="approved", already="already approved")

    @admin.action(description="Reject selected claims", permissions=["change"])
    def reject_claims(self, request, queryset):
        return self._bulk(request, queryset, "reject_claims", "Reject claims", BulkStatusForm,
                          lambda claims, form: claims_bulk_update(claims, status=Claim.Status.REJECTED),
                          done="rejected", already="already rejected")

    @admin.action(description="Set topics of selected claims", permissions=["change"])
    def set_topics(self, request, queryset):
        def apply(claims, form):
            topics, mode = list(form.cleaned_data["topics"]), form.cleaned_data["mode"]
            if mode == "replace":
                return claims_bulk_update(claims, set_topics=topics)
            if mode == "remove":
                return claims_bulk_update(claims, remove_topics=topics)
            return claims_bulk_update(claims, add_topics=topics)

        return self._bulk(request, queryset, "set_topics", "Set topics", BulkTopicsForm, apply,
                          done="re-tagged", already="unchanged")

    @admin.action(description="Set type of selected claims", permissions=["change"])
    def set_type(self, request, queryset):
        return self._bulk(request, queryset, "set_type", "Set type", BulkTypeForm,
                          lambda claims, form: claims_bulk_update(claims, claim_type=form.cleaned_data["claim_type"]),
                          done="changed", already="already of that type")

    def _bulk(self, request, queryset, action, title, form_class, apply, *, done, already):
        kwargs = {"admin_site": self.admin_site} if form_class is BulkTopicsForm else {}
        if request.POST.get("post") == "yes":
            form = form_class(request.POST, **kwargs)
            if form.is_valid():
                result = apply(queryset.order_by("pk"), form)
                summary = f"{plural(result.changed, 'claim')} {done}"
                if result.unchanged:
                    summary += f"; {result.unchanged} {already}"
                if result.refused:
                    summary += f"; {len(result.refused)} refused"
                self.message_user(request, summary + ".", messages.SUCCESS if result.changed else messages.INFO)
                for reason in result.refused:
                    self.message_user(request, f"Not changed: {reason}", messages.WARNING)
                return None
        else:
            form = form_class(**kwargs)
        context = confirmation_context(self, request, queryset, action=action, title=title)
        context |= {
            "form": form,
            "media": self.media + form.media,
            "preview": queryset.select_related("speaker").prefetch_related("topics")[:25],
            "verb": title,
            "submit_label": f"{title}: {plural(context['count'], 'claim')}",
        }
        return TemplateResponse(request, "admin/claims/claim/bulk_confirm.html", context)


_HEDGE_VERBS = {
    "i think": "thinks", "i believe": "believes", "i expect": "expects", "i feel": "feels",
    "i suspect": "suspects", "i guess": "guesses", "i would say": "would say", "i'd say": "would say",
}


def statement_suggest(quote: str, speaker: Speaker | None) -> str:
    """A first draft of the statement for a quote: one sentence in the third person, for the curator to edit."""
    text = " ".join(quote.split()).strip(" -–—")
    # Spoken sentences often open with a filler or a conjunction that a cited sentence drops.
    text = re.sub(r"^(?:(?:and|but|or|so|well|yeah|yes|no|okay|ok|look|um|uh)\b[,.]?\s+)+", "", text, flags=re.IGNORECASE)
    if not text:
        return ""
    surname = speaker.name.split()[-1] if speaker is not None and speaker.name.strip() else ""
    lowered = text.lower().replace("’", "'")
    for phrase, verb in _HEDGE_VERBS.items():
        if surname and re.match(rf"{re.escape(phrase)}\b", lowered):
            rest = text[len(phrase):].lstrip(" ,")
            rest = re.sub(r"^that\s+", "", rest)
            text = f"{surname} {verb} that {rest}"
            break
    else:
        if surname:
            text = f"{surname} says that {text[0].lower() + text[1:] if not text.startswith('I ') else text}"
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text.rstrip(",;:") + "."
