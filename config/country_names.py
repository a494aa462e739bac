"""Countries' short names as the United Nations writes them (UNTERM), which protocol officers
expect, for django-countries' COUNTRIES_OVERRIDE; translated through the catalogues so that each
language gets its own UN short name (tests/conference/test_country_names.py checks that names are
distinct per language)."""

from django.utils.translation import gettext_lazy as _

UN_SHORT_NAMES = {
    "AS": _("American Samoa"),
    "BN": _("Brunei Darussalam"),
    "BS": _("Bahamas"),
    "BO": _("Bolivia (Plurinational State of)"),
    "CD": _("Democratic Republic of the Congo"),
    "CZ": _("Czechia"),
    "FM": _("Micronesia (Federated States of)"),
    "GB": _("United Kingdom of Great Britain and Northern Ireland"),
    "IE": _("Ireland"),
    "IR": _("Iran (Islamic Republic of)"),
    "IS": _("Iceland"),
    "JE": _("Jersey"),
    "KP": _("Democratic People's Republic of Korea"),
    "KR": _("Republic of Korea"),
    "LA": _("Lao People's Democratic Republic"),
    "MD": _("Republic of Moldova"),
    "NE": _("Niger"),
    "NG": _("Nigeria"),
    "NL": _("Netherlands (Kingdom of the)"),
    "NR": _("Nauru"),
    "PS": _("State of Palestine"),
    "RU": _("Russian Federation"),
    "SY": _("Syrian Arab Republic"),
    "TR": _("Türkiye"),
    "TZ": _("United Republic of Tanzania"),
    "US": _("United States of America"),
    "VA": _("Holy See"),
    "VE": _("Venezuela (Bolivarian Republic of)"),
    "VN": _("Viet Nam"),
    "WS": _("Samoa"),
}
