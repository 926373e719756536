"""Keeping bots out of public forms without a third-party captcha: a honeypot and a rate limit.

Forms (HTML):

    class ContactForm(HoneypotFormMixin, forms.Form): ...

    limit = RateLimit("partner-contact").hit(request)      # counts this submission
    if limit.exceeded:
        ...render the form again with limit.message, status 429, limit.headers()...
    form = ContactForm(request.POST)
    if form.is_valid():
        if not form.caught_by_honeypot:
            ...store and send...
        return redirect(...)                            # a bot sees the same success as a person

Templates render `form.honeypot` inside `<div class="form-trap">` (hidden by the stylesheet, so people
and screen readers never meet it) and `form.form_started` anywhere in the form.

JSON views: `@rate_limited("request-api", json=True)` answers 429 with a translated message in JSON.

The limit is a fixed window per scope and client address, counted in Django's cache; scopes and their
(limit, seconds) are in `settings.RATE_LIMITS`. Addresses are kept only as keyed hashes, for the window.
"""

import functools
import math
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

SIGNING_SALT = "home.antispam"  # a namespace for signatures and hashes, not a secret


def client_address(request):
    """The visitor's address; behind `TRUSTED_PROXY_COUNT` proxies, the one the outermost proxy saw."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class RateLimitState:
    scope: str
    count: int
    limit: int
    retry_after: int  # seconds until the window ends

    @property
    def exceeded(self):
        return self.count > self.limit

    @property
    def message(self):
        minutes = max(1, math.ceil(self.retry_after / 60))
        return ngettext(
            "You have sent this form too often in a short time. Please wait a minute and try again.",
            "You have sent this form too often in a short time. Please wait %(minutes)s minutes and try "
            "again.",
            minutes,
        ) % {"minutes": minutes}

    def headers(self):
        return {"Retry-After": str(self.retry_after)} if self.exceeded else {}

    def json_response(self):
        """The answer for a JSON API: 429 with the message in the visitor's language."""
        return JsonResponse(
            {"error": "rate_limited", "message": self.message, "retry_after": self.retry_after},
            status=429,
            headers=self.headers(),
        )


class RateLimit:
    """At most `limit` submissions per `window` seconds per client address, for one scope (a form)."""

    def __init__(self, scope):
        self.scope = scope
        limits = settings.RATE_LIMITS
        self.limit, self.window = limits.get(scope, limits["default"])

    def _key(self, request, now):
        client = salted_hmac(SIGNING_SALT, client_address(request)).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{client}:{int(now // self.window)}"

    def hit(self, request):
        """Count one submission from this client and tell whether it is over the limit."""
        now = time.time()
        key = self._key(request, now)
        cache.add(key, 0, timeout=self.window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window + 1)
            count = 1
        return RateLimitState(self.scope, count, self.limit, self._retry_after(now))

    def peek(self, request):
        """The state without counting (e.g. to tell before showing a form)."""
        now = time.time()
        return RateLimitState(
            self.scope, cache.get(self._key(request, now), 0), self.limit, self._retry_after(now)
        )

    def _retry_after(self, now):
        return max(1, math.ceil(self.window - now % self.window))


def rate_limited(scope, methods=("POST",), json=False, template="home/too_many_requests.html"):
    """Decorator for function views: count requests with these methods, answer 429 over the limit."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                state = RateLimit(scope).hit(request)
                if state.exceeded:
                    if json:
                        return state.json_response()
                    return TemplateResponse(
                        request, template, {"rate_limit": state}, status=429, headers=state.headers()
                    )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def form_token(issued_at=None):
    """A signed note of when a form was shown."""
    return signing.dumps(time.time() if issued_at is None else issued_at, salt=SIGNING_SALT)


class HoneypotFormMixin(forms.Form):
    """A field people never see (bots fill it) and a signed time the form was shown (bots are quick).

    A filled honeypot leaves the form valid with `caught_by_honeypot` set: the view pretends success and
    keeps nothing. A form sent too quickly, or without a valid time, gets a friendly error and a fresh
    time, so a person simply sends it again.
    """

    honeypot = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(required=False, widget=forms.HiddenInput)

    honeypot_min_seconds = None  # None: settings.FORM_MIN_SECONDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_started"].initial = form_token()
        self.caught_by_honeypot = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("honeypot"):
            self.caught_by_honeypot = True
            return cleaned
        minimum = (
            settings.FORM_MIN_SECONDS if self.honeypot_min_seconds is None else self.honeypot_min_seconds
        )
        if minimum and not self.errors:  # with mistakes to fix, one more message would only confuse
            try:
                started = float(signing.loads(cleaned.get("form_started") or "", salt=SIGNING_SALT))
            except (signing.BadSignature, TypeError, ValueError):
                started = None
            if started is None or time.time() - started < minimum:
                if started is None and self.is_bound:
                    self.data = self.data.copy()
                    self.data[self.add_prefix("form_started")] = form_token()
                raise forms.ValidationError(
                    _("Please check your entries once more and then send the form again."), code="too_fast"
                )
        return cleaned
