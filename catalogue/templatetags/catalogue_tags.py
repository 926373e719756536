"""Template helpers of the catalogue: money, addresses of resources, the home page's catalogue sections."""

from django import template
from django.db.models import Count
from django.utils.html import format_html

from catalogue import availability
from catalogue.listing import label_categories, visible_resources
from catalogue.models import ResourceIndexPage
from catalogue.money import format_euro
from catalogue.views import page_locales
from home.listing import localized_terms
from taxonomy.models import ResourceCategory

register = template.Library()

HOME_FEATURED_COUNT = 4


@register.filter
def euro(value):
    """An amount in the visitor's number format with the euro sign where their language puts it."""
    return format_euro(value)


@register.simple_tag
def content_lang(obj, language):
    """` lang="de" dir="ltr"` on content shown in its German original inside another language's page."""
    code = getattr(obj, "content_language", None)
    if code and code != language:
        return format_html(' lang="{}" dir="ltr"', code)
    return ""


@register.simple_tag
def resource_url(index_url, resource):
    return f"{index_url}{resource.slug}/" if index_url else ""


@register.inclusion_tag("catalogue/includes/home_sections.html", takes_context=True)
def catalogue_home_sections(context):
    """Featured resources and the categories as ways into the catalogue, for the home page."""
    request = context.get("request")
    page = context.get("page")
    if page is None:
        return {}
    locale, default = page_locales(page)
    index = ResourceIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return {}
    index_url = index.get_url(request)
    visible = visible_resources(locale, default)
    terms = localized_terms(ResourceCategory, locale.language_code)
    featured = availability.attach(
        list(
            availability.with_availability(visible.filter(featured=True))
            .for_display()
            .order_by("availability_rank", "title")[:HOME_FEATURED_COUNT]
        )
    )
    label_categories(featured, terms)
    counts = dict(visible.order_by().values_list("category__slug").annotate(count=Count("pk")))
    categories = [
        {"term": term, "count": counts.get(slug, 0), "url": f"{index_url}?category={slug}"}
        for slug, term in terms.items()
    ]
    return {
        "request": request,
        "index_url": index_url,
        "featured": featured,
        "categories": categories,
        "language": locale.language_code,
    }


@register.filter
def bound_value(form, name):
    """What a listing filter field shows again: the visitor's valid input, empty for invalid input."""
    return form.bound_value(name)


@register.filter
def field_errors(errors, name):
    return errors.get(name, []) if errors else []
