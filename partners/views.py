"""What the partner finder page serves: the finder, each partner's page with its contact form, and the
confirmation after a message was sent. Routed by `PartnerFinderPage` (RoutablePageMixin)."""

import json

from django.conf import settings
from django.db import transaction
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Lower
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model

from home import page_cache
from home.antispam import RateLimit
from home.listing import together
from home.models import PortalSettings
from home.outbox import queue_email
from partners.finder import LOGO_FILTER, Finder, card_vocabulary
from partners.forms import PartnerContactForm
from partners.map import map_areas
from partners.models import PartnerContactMessage, PartnerFinderPage, PartnerOrganisation, SpokenLanguage
from taxonomy.models import CooperationTopic, District, EngagementField, TargetGroup

RELATED_COUNT = 4
DETAIL_LOGO_FILTER = "max-320x160"
# schema.org wants BCP 47 codes; two of the finder's language choices are not one.
SCHEMA_LANGUAGE_CODES = {"bcs": ["bs", "hr", "sr"], "dgs": ["gsg"]}
# JSON inside <script>: nothing in it may close the element or start markup.
SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# --- The finder ------------------------------------------------------------------------------------------


def finder(page, request):
    language = translation.get_language()
    search = Finder(request.GET, language, base_url=page.get_url(request))
    result = search.run(request.GET.get("page"), keep="partners")
    return page.render(
        request,
        template="partners/partner_finder_page.html",
        context_overrides={
            "finder": result,
            "map_areas": map_areas(result.districts, result.max_district_count),
            "finder_url": page.get_url(request),
            "reset_url": page.get_url(request),
            "language_urls": _finder_language_urls(page, request, search),
        },
    )


def _finder_language_urls(page, request, search):
    """Filters are slugs, the same in every language: switching language keeps them (and the page)."""
    if not request.GET:
        return {}
    number = search.page_number if search.page_number > 1 else None
    translations = PartnerFinderPage.objects.live().filter(translation_key=page.translation_key)
    return {
        finder_page.locale.language_code: search.url(base_url=finder_page.get_url(request), page=number)
        for finder_page in translations.select_related("locale")
    }


# --- A partner's page ----------------------------------------------------------------------------------------


def find_partner(slug, language, details=False, logo=True):
    """(partner as shown in `language`, slug it should be reached by). (None, None) when unknown.
    `logo=False`: the logo is left to the caller (the page prefetches it with the related partners')."""
    shown = PartnerOrganisation.objects.in_language(language)
    if details:
        partner = (
            (with_logo(shown) if logo else shown.select_related("locale", "district"))
            .filter(slug=slug)
            .first()
        )
        together.prefetch_vocabulary([partner], detail_vocabulary())
    else:
        partner = shown.filter(slug=slug).first()
    if partner is not None:
        return partner, slug
    # A slug of another language (e.g. after switching languages): the partner's page in this one.
    other = PartnerOrganisation.objects.live().filter(slug=slug).order_by("pk").first()
    if other is not None:
        partner = shown.filter(translation_key=other.translation_key).first()
        if partner is not None:
            return partner, partner.slug
    return None, None


def detail_vocabulary():
    """The vocabulary a partner's page shows: {relation: what of it is shown}."""
    return {
        "engagement_fields": EngagementField.objects.filter(live=True).select_related("locale"),
        "target_groups": TargetGroup.objects.filter(live=True).select_related("locale"),
        "offers": CooperationTopic.objects.filter(live=True).select_related("locale"),
        "looks_for": CooperationTopic.objects.filter(live=True).select_related("locale"),
        "districts": District.objects.all(),
        "languages": SpokenLanguage.objects.all(),
    }


def with_logo(queryset):
    image_model = get_image_model()
    return queryset.select_related("locale", "district").prefetch_related(
        Prefetch("logo", queryset=image_model.objects.prefetch_renditions(DETAIL_LOGO_FILTER, LOGO_FILTER)),
    )


def with_details(queryset):
    """What a partner's page reads (also the API's detail), in a fixed number of queries. The page itself
    (`find_partner(details=True)`) reads the vocabulary in one query (`together.prefetch_vocabulary`)."""
    return with_logo(queryset).prefetch_related(
        *(Prefetch(name, queryset=related) for name, related in detail_vocabulary().items())
    )


def related_partners(partner, language, logos=True):
    """Partners that share an engagement field or a district: those sharing both first, then by overlap.

    One query (plus the cards' prefetches), whatever the partner has. `logos=False`: the logos are left to
    the caller.
    """
    fields = [term.slug for term in partner.engagement_fields.all()]
    districts = [district.slug for district in partner.districts.all()]
    if not fields and not districts:
        return []

    def shared(through, lookup, values):
        return Coalesce(
            Subquery(
                through.objects.filter(partnerorganisation=OuterRef("pk"), **{lookup: values})
                .order_by()
                .values("partnerorganisation")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        )

    candidates = (
        PartnerOrganisation.objects.in_language(language)
        .exclude(translation_key=partner.translation_key)
        .annotate(
            shared_fields=shared(
                PartnerOrganisation.engagement_fields.through, "engagementfield__slug__in", fields
            ),
            shared_districts=shared(PartnerOrganisation.districts.through, "district__slug__in", districts),
        )
        .filter(Q(shared_fields__gt=0) | Q(shared_districts__gt=0))
        .annotate(
            shares_both=Case(
                When(shared_fields__gt=0, shared_districts__gt=0, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-shares_both", "-shared_fields", "-shared_districts", Lower("name"))
    )
    candidates = candidates.select_related("locale")
    if logos:
        candidates = candidates.prefetch_related(
            Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_FILTER))
        )
    return together.prefetch_vocabulary(list(candidates[:RELATED_COUNT]), card_vocabulary())


def language_urls(page, partner, request):
    """The partner's page in every language: its translation, or the German original where there is none."""
    finders = {
        finder.locale.language_code: finder
        for finder in PartnerFinderPage.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }
    versions = {
        version.locale.language_code: version
        for version in PartnerOrganisation.objects.live()
        .filter(translation_key=partner.translation_key)
        .select_related("locale")
    }
    urls = {}
    for code, _name in settings.LANGUAGES:
        finder_page = finders.get(code)
        version = versions.get(code) or versions.get(settings.LANGUAGE_CODE)
        if finder_page is not None and version is not None:
            urls[code] = finder_page.partner_url(version, request)
    return urls


def organisation_json_ld(partner, absolute_url, request):
    """schema.org `Organization` for the page's head, as a script-safe JSON string."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": absolute_url + "#organisation",
        "name": partner.name,
        "description": partner.description,
        "url": partner.website or absolute_url,
        "mainEntityOfPage": absolute_url,
    }
    if partner.public_email:
        data["email"] = partner.public_email
    if partner.phone:
        data["telephone"] = partner.phone
    if partner.street or partner.postcode:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": partner.street,
            "postalCode": partner.postcode,
            "addressLocality": partner.city,
            "addressCountry": "DE",
        }
    districts = [district.name for district in partner.districts.all()]
    if districts:
        data["areaServed"] = [
            {"@type": "AdministrativeArea", "name": f"Dortmund-{name}"} for name in districts
        ]
    codes = []
    for language in partner.languages.all():
        codes.extend(SCHEMA_LANGUAGE_CODES.get(language.code, [language.code]))
    if codes:
        data["knowsLanguage"] = codes
    if partner.logo:
        data["logo"] = request.build_absolute_uri(partner.logo.get_rendition(DETAIL_LOGO_FILTER).url)
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))  # noqa: S308 - escaped above


def privacy_url(request):
    """The privacy notice in the visitor's language (from the portal settings), or "" when none is set;
    kept in the frame cache like the footer's contact data."""

    def build():
        privacy = PortalSettings.load(request_or_site=request).privacy_page
        return (privacy.localized.get_url(request) or "") if privacy is not None else ""

    return page_cache.frame(request, "privacy-url", build)


def detail_context(request, partner, page=None, language=None):
    """What the partner's page shows; also the admin preview (page=None: no form, no links)."""
    language = language or translation.get_language()
    related = related_partners(partner, language, logos=False)
    # The partner's logo and the related partners' in one query (and their renditions in one).
    image_model = get_image_model()
    prefetch_related_objects(
        [partner, *related],
        Prefetch("logo", queryset=image_model.objects.prefetch_renditions(DETAIL_LOGO_FILTER, LOGO_FILTER)),
    )
    context = {
        "partner": partner,
        "partner_lang": partner.locale.language_code if partner.locale.language_code != language else "",
        "related": related,
        "preview": page is None,
    }
    if page is None:
        finder_page = PartnerFinderPage.objects.live().filter(locale_id=partner.locale_id).first()
        context["finder_url"] = finder_page.get_url(request) if finder_page else ""
    if page is not None:
        detail_url = page.partner_url(partner, request)
        context.update(
            {
                "finder_url": page.get_url(request),
                "detail_url": detail_url,
                "language_urls": language_urls(page, partner, request),
                "json_ld": organisation_json_ld(partner, request.build_absolute_uri(detail_url), request),
                "privacy_url": privacy_url(request),
                "keep_days": settings.PARTNERS_CONTACT_KEEP_DAYS,
            }
        )
    return context


def partner_detail(page, request, slug):
    language = translation.get_language()
    partner, canonical_slug = find_partner(slug, language, details=True, logo=False)
    if partner is None:
        raise Http404
    if canonical_slug != slug:
        return redirect(page.partner_url(partner, request))

    if request.method not in ("GET", "HEAD", "POST") or (request.method == "POST" and not partner.email):
        return HttpResponseNotAllowed(["GET", "POST"] if partner.email else ["GET"])
    status = 200
    headers = {}
    form = None
    rate_limit_message = ""
    if partner.email:
        if request.method == "POST":
            limit = RateLimit("partner-contact").hit(request)
            form = PartnerContactForm(request.POST)
            if limit.exceeded:
                status, headers, rate_limit_message = 429, limit.headers(), limit.message
            elif form.is_valid():
                if not form.caught_by_honeypot:
                    send_contact_message(partner, form.cleaned_data, language, request)
                return redirect(
                    page.get_url(request) + page.reverse_subpage("contact_sent", args=[partner.slug])
                )
            else:
                status = 400
        else:
            form = PartnerContactForm()

    response = page.render(
        request,
        template="partners/partner_detail.html",
        context_overrides={
            **detail_context(request, partner, page, language),
            "form": form,
            "rate_limit_message": rate_limit_message,
        },
    )
    response.status_code = status
    for name, value in headers.items():
        response[name] = value
    return response


def send_contact_message(partner, data, language, request):
    """Store the message and queue its e-mail to the partner, in one transaction."""
    with transaction.atomic():
        message = PartnerContactMessage.objects.create(
            partner=partner,
            sender_name=data["name"],
            association=data["association"],
            email=data["email"],
            message=data["message"],
            language=language,
            consent_at=timezone.now(),
        )
        # Partners are Dortmund organisations: the mail around the message is in the portal's source language.
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "message": message,
                "partner": partner,
                "language_name": translation.get_language_info(language)["name_translated"],
                "portal_url": request.build_absolute_uri("/"),
            }
            subject = render_to_string("partners/email/contact_subject.txt", context)
            body = render_to_string("partners/email/contact_message.txt", context)
        queue_email(
            [partner.email],
            subject,
            body,
            reply_to=[message.email],
            language=settings.LANGUAGE_CODE,
            about=message,
        )
    return message


def contact_sent(page, request, slug):
    partner, canonical_slug = find_partner(slug, translation.get_language())
    if partner is None:
        raise Http404
    if canonical_slug != slug:
        return redirect(page.get_url(request) + page.reverse_subpage("contact_sent", args=[partner.slug]))
    return page.render(
        request,
        template="partners/contact_sent.html",
        context_overrides={
            "partner": partner,
            "partner_lang": partner.locale.language_code
            if partner.locale.language_code != translation.get_language()
            else "",
            "detail_url": page.partner_url(partner, request),
            "finder_url": page.get_url(request),
        },
    )
