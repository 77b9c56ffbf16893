"""Who may do what: everyone reads (what they may see is the selectors' business), staff write."""
from rest_framework.permissions import SAFE_METHODS, BasePermission


class IsStaffOrReadOnly(BasePermission):
    """Reads for anyone; writes for authenticated staff only (anonymous: 401, others: 403)."""

    message = "Only staff may change claims."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated and request.user.is_staff)
