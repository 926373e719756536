"""Template helpers of the request basket: the "add to my request" form on a resource's page."""

from django import template
from django.conf import settings
from django.utils.http import urlencode

from resource_requests import service
from resource_requests.basket import Basket
from resource_requests.forms import ItemForm
from resource_requests.pages import request_page, request_page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def request_page_link(context):
    """{url, title} of the request form in the page's language (for the home page's way in), or None.
    The page is kept per generation of the page cache (`pages.request_page`): no query on most pages."""
    request = context.get("request")
    page = request_page(request=request)
    url = (page.get_url(request) or "") if page is not None else ""
    return {"url": url, "title": page.title} if url else None


@register.filter
def slot_text(slot):
    """A consultation time as people read it: "Tuesday, 12 May 2026, 10:00–10:45" (HTML, the date and
    hours isolated for right-to-left pages)."""
    return service.slot_text(slot, markup=True) if slot else ""


@register.inclusion_tag("resource_requests/includes/add_to_request.html", takes_context=True)
def add_to_request_form(context, resource):
    """The form that puts this resource into the basket (works without JavaScript), or nothing.

    Nothing for a preview (no request page to send it to) or an offer that has ended.
    """
    request = context.get("request")
    page = request_page(request=request) if request is not None else None
    if page is None or getattr(request, "is_preview", False) or not resource.pk:
        return {"show": False}
    current = getattr(resource, "current", None)
    page_url = page.get_url(request)
    line = Basket(request).find(resource.translation_key) if hasattr(request, "session") else None
    return {
        "show": current is None or current.status != "no_longer",
        "resource": resource,
        # Dates chosen in the calendar beside it (`catalogue.views.chosen_dates`) start the form.
        "form": ItemForm(resource=resource, prefix="add", initial=_chosen_dates(context, resource)),
        "action": page_url + page.reverse_subpage("basket"),
        "basket_url": page_url + "#basket",
        "in_basket": line is not None,
        "csrf_token": context.get("csrf_token"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


def _chosen_dates(context, resource):
    chosen = context.get("chosen_dates") or {}
    if not resource.counts_units or not chosen:
        return {}
    return {name: day.isoformat() for name, day in chosen.items()}


@register.inclusion_tag("resource_requests/includes/plan_with_partner.html", takes_context=True)
def plan_with_partner_link(context, partner):
    """On a partner's page: the request form with this partner ticked ("plan a project with ...")."""
    request = context.get("request")
    url = request_page_url(request=request) if request is not None else ""
    return {"url": f"{url}?{urlencode({'partner': partner.pk})}#plan" if url and partner.pk else ""}


@register.inclusion_tag("resource_requests/includes/basket_link.html", takes_context=True)
def basket_link(context):
    """The header's link to the request basket with how many resources wait in it; nothing when it is empty.

    The basket lives in the session. A visitor without a session cookie has no basket: the session is not
    read, so the page costs no query for it and stays the same for every such visitor (cacheable). When the
    session is read, Django's SessionMiddleware adds `Vary: Cookie` and `home.middleware.
    PrivateWhenSessionReadMiddleware` marks the answer private: no shared cache keeps one visitor's count
    for another.
    """
    request = context.get("request")
    if request is None or not hasattr(request, "session") or getattr(request, "is_preview", False):
        return {"count": 0}
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return {"count": 0}
    count = len(Basket(request))
    url = request_page_url(request=request) if count else ""
    return {"count": count if url else 0, "url": f"{url}#basket" if url else ""}
