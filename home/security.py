"""What a page may do in the visitor's browser: Content-Security-Policy and Permissions-Policy headers.

Production only (`portal/settings/production.py` puts both middlewares after Django's SecurityMiddleware):

- **Content-Security-Policy** through django-csp (`CONTENT_SECURITY_POLICY`): the public site loads
  scripts, styles, images, fonts and frames from its own origin and nothing else – no inline script, no
  `eval`, no plugins, forms post only to the portal and no other site may frame it. The public templates
  need nothing inline (JSON-LD is data, not script); a template that ever needs an inline script gives it
  `nonce="{{ request.csp_nonce }}"` and django-csp adds that nonce to the header.
- **The admin** (and Swagger UI at `/api/v3/docs/`) is Wagtail's and django-ninja's code, which still
  writes inline scripts and style attributes: under `CSP_RELAXED_PREFIXES` the same policy additionally
  allows `CSP_RELAXED_DIRECTIVES` (inline code and `blob:` images for upload previews) – still nothing
  from another origin, so an injected `<script src="https://…">` is refused there too.
- **Permissions-Policy** (`PERMISSIONS_POLICY`): the portal uses no camera, microphone, location, payment
  or other powerful browser feature, so it switches them off for itself and any frame.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's additions under `CSP_RELAXED_PREFIXES`."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(tuple(settings.CSP_RELAXED_PREFIXES)):
            parts.update = {**settings.CSP_RELAXED_DIRECTIVES, **(parts.update or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Adds `PERMISSIONS_POLICY` ({feature: [allowed origins]}) as the Permissions-Policy header."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
