"""Predictions: the open ones by target date with overdue ones marked, and the resolution form."""
from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from claims.models import Prediction, overdue_condition
from claims.selectors import claim_search, fts5_terms
from claims.services import prediction_resolve, prediction_update

from .common import ADMIN_CSS, HistoryAdmin, RelatedWithRowsFilter, admin_url, shorten, status_badge


class PredictionStatusFilter(admin.SimpleListFilter):
    """Open predictions unless asked otherwise: the list is a to-do list."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Prediction.Status.choices, ("all", "all")]

    def choices(self, changelist):
        value = self.value() or Prediction.Status.OPEN
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Prediction.Status.OPEN
        return queryset if value == "all" else queryset.filter(status=value)


class OverdueFilter(admin.SimpleListFilter):
    title = "target date"
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return (("overdue", "overdue"), ("year", "due within a year"), ("later", "later"), ("none", "no target date"))

    def queryset(self, request, queryset):
        today = dt.date.today()
        value = self.value()
        if value == "overdue":
            return queryset.filter(overdue_condition(today))
        if value == "year":
            return queryset.filter(target_end__gte=today, target_end__lte=today + dt.timedelta(days=365))
        if value == "later":
            return queryset.filter(target_end__gt=today + dt.timedelta(days=365))
        if value == "none":
            return queryset.filter(target_end__isnull=True)
        return queryset


class ResolveForm(forms.Form):
    status = forms.ChoiceField(choices=Prediction.Status.choices)
    resolved_on = forms.DateField(
        required=False, widget=admin.widgets.AdminDateWidget,
        help_text="The date of the judgement; today when left empty. Ignored when reopening (status open).",
    )
    resolution_note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
                                      required=False, help_text="What happened, in one or two sentences.")
    evidence_link = forms.URLField(required=False, assume_scheme="https", widget=forms.URLInput(attrs={"class": "vURLField"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") not in (None, Prediction.Status.OPEN) and not cleaned.get("resolution_note"):
            self.add_error("resolution_note", "Say in a sentence what happened, so others can check the judgement.")
        return cleaned


@admin.register(Prediction)
class PredictionAdmin(HistoryAdmin):
    list_display = ("predicted_short", "speaker", "interview", "horizon", "target", "status_badge", "resolve_link")
    list_display_links = ("predicted_short",)
    list_filter = (PredictionStatusFilter, OverdueFilter, ("claim__speaker", RelatedWithRowsFilter),
                   ("claim__interview", RelatedWithRowsFilter))
    search_fields = ("predicted", "horizon")  # and the claim's quote and statement: get_search_results
    search_help_text = ('Search the claim\'s quote and statement (every word or a form of it, "a phrase", -not, or), '
                        "or the prediction and its horizon (every word).")
    ordering = (F("target_end").asc(nulls_last=True), F("target_start").asc(nulls_last=True), "pk")
    list_per_page = 50
    history_list_display = ("status", "resolved_on", "target_end")
    readonly_fields = ("claim_link", "quote")
    fieldsets = (
        (None, {"fields": ("claim_link", "quote", "predicted", "horizon", ("target_start", "target_end"))}),
        ("Resolution", {"fields": (("status", "resolved_on"), "resolution_note", "evidence_link")}),
    )

    class Media:
        css = {"all": ADMIN_CSS}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("claim__speaker", "claim__interview").defer(
            "claim__interview__source_text")

    def get_search_results(self, request, queryset, search_term):
        """Predictions whose claim's text matches as the API's ?q= reads it (full-text), or, for a search without
        -words, whose own text (search_fields) has every word (Django's search, a LIKE)."""
        if not search_term.strip():
            return queryset, False
        required, excluded = fts5_terms(search_term)
        if not required or excluded:
            return claim_search(queryset, search_term, claim_path="claim__"), False
        # a UNION of ids, not an OR: PostgreSQL took the OR for half the predictions and joined every claim
        # (130 ms at 200,000 claims; this 60 ms)
        by_claim = claim_search(Prediction.objects.order_by(), search_term, claim_path="claim__").values("pk")
        own = super().get_search_results(request, Prediction.objects.order_by(), search_term)[0].values("pk")
        return queryset.filter(pk__in=by_claim.union(own)), False

    def has_add_permission(self, request):
        return False  # a prediction is added on its claim's page (claims of type 'prediction')

    def get_urls(self):
        return [
            path("<int:object_id>/resolve/", self.admin_site.admin_view(self.resolve_view),
                 name="claims_prediction_resolve"),
            *super().get_urls(),
        ]

    @admin.display(description="prediction", ordering="predicted")
    def predicted_short(self, prediction):
        return shorten(prediction.predicted, 100)

    @admin.display(description="speaker", ordering="claim__speaker__name")
    def speaker(self, prediction):
        return prediction.claim.speaker.name

    @admin.display(description="interview", ordering="claim__interview__published")
    def interview(self, prediction):
        return shorten(str(prediction.claim.interview), 36)

    @admin.display(description="target", ordering=F("target_end").asc(nulls_last=True))
    def target(self, prediction):
        start, end = prediction.target_start, prediction.target_end
        if end is None:
            shown = f"from {start}" if start else "—"  # "after 2030": a range that never closes
        else:
            shown = f"{start} – {end}" if start and start != end else str(end)
        if prediction.is_overdue():
            days = (dt.date.today() - end).days
            return format_html('{} <span class="claims-badge claims-overdue" title="{} days past the target">overdue</span>',
                               shown, days)
        return shown

    @admin.display(description="status", ordering="status")
    def status_badge(self, prediction):
        return status_badge(f"prediction-{prediction.status}", prediction.get_status_display())

    @admin.display(description="")
    def resolve_link(self, prediction):
        return format_html('<a class="button" href="{}">resolve</a>',
                           reverse("admin:claims_prediction_resolve", args=[prediction.pk]))

    @admin.display(description="claim")
    def claim_link(self, prediction):
        return format_html('<a href="{}">{}</a>', admin_url(prediction.claim), prediction.claim)

    @admin.display(description="quote")
    def quote(self, prediction):
        return prediction.claim.quote

    def save_model(self, request, obj, form, change):
        prediction_update(obj, **{name: form.cleaned_data[name] for name in form.changed_data})

    def resolve_view(self, request, object_id):
        prediction = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_change_permission(request, prediction):
            raise PermissionDenied
        initial = {
            "status": prediction.status if prediction.status != Prediction.Status.OPEN else Prediction.Status.CAME_TRUE,
            "resolved_on": prediction.resolved_on or dt.date.today(),
            "resolution_note": prediction.resolution_note,
            "evidence_link": prediction.evidence_link,
        }
        form = ResolveForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                prediction_resolve(prediction, **form.cleaned_data)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                self.message_user(
                    request,
                    format_html('Prediction “<a href="{}">{}</a>” is now: {}.', admin_url(prediction), prediction,
                                prediction.get_status_display()),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:claims_prediction_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Resolve a prediction",
            "opts": self.model._meta,
            "original": prediction,
            "prediction": prediction,
            "overdue": prediction.is_overdue(),
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/claims/prediction/resolve.html", context)
