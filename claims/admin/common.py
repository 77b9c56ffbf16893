"""Small pieces shared by the model admins: how dates, statuses and lists are shown, service lookup."""
from __future__ import annotations

import datetime as dt

from django.contrib import admin
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin


ADMIN_CSS = ("claims/admin.css",)


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history pages and add links take only numbers for ids: its URLs take
    any text, and a hand-edited /claim/abc/history/ or /claim/1/history/abc/ was a ValueError (a 500)."""

    def get_changeform_initial_data(self, request):
        # A hand-edited add link's ?speaker=abc or ?topics=1,abc reached the autocomplete widgets, whose
        # id lookup was a ValueError (a 500): ids that are not numbers are left out.
        initial = super().get_changeform_initial_data(request)
        for field in self.model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.name in initial):
                continue
            if field.many_to_many:
                initial[field.name] = [pk for pk in initial[field.name] if _is_number(pk)]
            elif not _is_number(initial[field.name]):
                del initial[field.name]
        return initial

    def history_view(self, request, object_id, extra_context=None):
        _numbers_only(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _numbers_only(object_id, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


def _is_number(value) -> bool:
    return str(value).isascii() and str(value).isdigit()


def _numbers_only(*ids) -> None:
    if not all(_is_number(value) for value in ids):
        raise Http404("No such record or version.")

def date_display(date: dt.date | None, precision: str) -> str:
    """A date shown only as precisely as it is known: '2023' for year precision, 'Mar 2023' for month."""
    if date is None:
        return "—"
    if precision == "year":
        return f"{date:%Y}"
    if precision == "month":
        return f"{date:%b %Y}"
    return date.isoformat()


def status_badge(status: str, label: str | None = None):
    return format_html('<span class="claims-badge claims-status-{}">{}</span>', status, label or status)


def admin_url(obj, view: str = "change") -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def links(objects, view: str = "change"):
    return format_html_join(", ", '<a href="{}">{}</a>', ((admin_url(o, view), str(o)) for o in objects))


def shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def former_slug_list(row, merged: str) -> str:
    """A speaker's or topic's former slugs for its change page: the old slugs that still lead to it."""
    slugs = list(row.former_slugs.order_by("slug").values_list("slug", flat=True)) if row.pk else []
    if not slugs:
        return "—"
    return f"{', '.join(slugs)} (of {merged}, or its own before a rename: links, API queries and sheets naming them lead here)"


def confirmation_context(model_admin: admin.ModelAdmin, request, queryset, *, action: str, title: str) -> dict:
    """The context every intermediate (confirm an action) page needs, as Django's delete_selected builds it."""
    opts = model_admin.model._meta
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": opts,
        "app_label": opts.app_label,
        "queryset": queryset,
        "count": queryset.count(),
        "action": action,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "selected_ids": [str(pk) for pk in queryset.values_list("pk", flat=True)],
        "select_across": request.POST.get("select_across", "0"),
        "media": model_admin.media,
    }
