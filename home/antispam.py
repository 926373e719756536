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
The API (`POST /api/v3/requests/`) sends `limit.rate_limit_headers()` on every answer it counts
(`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`; `Retry-After` on 429) and
`limit.api_message` in its problem JSON.

The limit is a sliding window per scope and client address, counted in Django's cache: the submissions of
the current window plus those of the previous one, weighted by how much of it still lies within the last
`window` seconds (so ten just before the hour and ten just after are twenty, not two times ten). Scopes and
their (limit, seconds) are in `settings.RATE_LIMITS`. Addresses are kept only as keyed hashes, for two
windows.

The signed time in every form is a ticket for one submission within `settings.FORM_MAX_AGE`: a form
accepted once leaves a mark in the cache, so the same token replayed (by a bot, from another session) is
asked to send again, like a form sent too quickly.
"""

import contextlib
import functools
import hashlib
import logging
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

logger = logging.getLogger(__name__)

SIGNING_SALT = "home.antispam"  # a namespace for signatures and hashes, not a secret
SEND_AGAIN = _("Please check your entries once more and then send the form again.")


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
    retry_after: int  # seconds until one more submission fits under the limit
    window_left: int = 0  # seconds until the current window ends (its submissions then begin to fade)

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

    @property
    def api_message(self):
        """The 429 message of the API, where there is no form."""
        minutes = max(1, math.ceil(self.retry_after / 60))
        return ngettext(
            "Too many requests from your address in a short time. Please wait a minute and try again.",
            "Too many requests from your address in a short time. Please wait %(minutes)s minutes and try "
            "again.",
            minutes,
        ) % {"minutes": minutes}

    @property
    def remaining(self):
        return max(self.limit - self.count, 0)

    def headers(self):
        return {"Retry-After": str(self.retry_after)} if self.exceeded else {}

    def rate_limit_headers(self):
        """The IETF draft's RateLimit-Limit/-Remaining/-Reset (draft-ietf-httpapi-ratelimit-headers), with
        Retry-After when over the limit. Reset: seconds until one more fits when none is left, else until
        the current window ends."""
        reset = self.retry_after if self.remaining == 0 else max(1, self.window_left)
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(reset),
            **self.headers(),
        }

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
        """The cache key of the window `now` falls into (a keyed hash of the address, never the address)."""
        client = salted_hmac(SIGNING_SALT, client_address(request)).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{client}:{int(now // self.window)}"

    def hit(self, request):
        """Count one submission from this client and tell whether it is over the limit."""
        now = time.time()
        key = self._key(request, now)
        # Kept for two windows: the next window still weighs this one's count.
        cache.add(key, 0, timeout=2 * self.window + 1)
        try:
            current = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=2 * self.window + 1)
            current = 1
        previous = cache.get(self._key(request, now - self.window), 0)
        if self._count(previous, current, now) > self.limit:
            # A refused submission is not counted: trying again does not lengthen the wait.
            with contextlib.suppress(ValueError):  # evicted meanwhile: nothing to take back
                cache.decr(key)
            logger.warning(
                "rate limit %s exceeded by one client (%s per %s s)", self.scope, self.limit, self.window
            )
            return self._state(previous, current - 1, now, count=self._count(previous, current, now))
        return self._state(previous, current, now)

    def peek(self, request):
        """The state without counting (e.g. to tell before showing a form)."""
        now = time.time()
        previous = cache.get(self._key(request, now - self.window), 0)
        return self._state(previous, cache.get(self._key(request, now), 0), now)

    def _count(self, previous, current, now):
        """The sliding count: this window's submissions and the share of the previous window's that falls
        within the last `window` seconds."""
        share = 1 - (now % self.window) / self.window
        return math.ceil(previous * share + current)

    def _state(self, previous, current, now, count=None):
        count = self._count(previous, current, now) if count is None else count
        return RateLimitState(
            self.scope,
            count,
            self.limit,
            self._retry_after(previous, current, now),
            window_left=math.ceil(self.window - now % self.window),
        )

    def _retry_after(self, previous, current, now):
        """Seconds until one more submission fits under the limit again."""
        offset = now % self.window
        room = self.limit - current - 1  # what may be left of the previous window's count
        if room >= 0:
            wait = self.window * (1 - room / previous) - offset if previous > room else 0
        else:  # only once this window's count is the previous one and has faded far enough
            fade = 1 - max(self.limit - 1, 0) / current if current else 1
            wait = self.window - offset + self.window * fade
        return max(1, math.ceil(wait))


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


def _token_time(token):
    """When the form was shown, or None for a token that is forged, malformed or older than FORM_MAX_AGE."""
    max_age = settings.FORM_MAX_AGE
    try:
        started = float(signing.loads(token or "", salt=SIGNING_SALT, max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return started if time.time() - started <= max_age else None


def _first_use(token):
    """Mark the token used; False if it was used before (within FORM_MAX_AGE, in the shared cache)."""
    digest = hashlib.sha256(token.encode()).hexdigest()[:40]
    return cache.add(f"formtoken:{digest}", 1, timeout=settings.FORM_MAX_AGE)


class HoneypotFormMixin(forms.Form):
    """A field people never see (bots fill it) and a signed time the form was shown (bots are quick).

    A filled honeypot leaves the form valid with `caught_by_honeypot` set: the view pretends success and
    keeps nothing. A form sent too quickly, without a valid time, with an expired one or with one that was
    used before, gets a friendly error (and, but for the quick one, a fresh time), so a person simply
    sends it again. A form that passes gets a fresh time too, for when the view shows it once more.
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
            token = cleaned.get("form_started") or ""
            started = _token_time(token)
            if started is not None and time.time() - started < minimum:
                raise forms.ValidationError(SEND_AGAIN, code="too_fast")  # the same time will do shortly
            if started is None or not _first_use(token):
                self._renew_token()
                raise forms.ValidationError(SEND_AGAIN, code="too_fast")
            self._renew_token()  # used now: a form shown again (e.g. a booked-out time) needs a new one
        return cleaned

    def _renew_token(self):
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix("form_started")] = form_token()
