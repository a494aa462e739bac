"""Countries' short names as the United Nations writes them (UNTERM), which protocol officers
expect, for django-countries' COUNTRIES_OVERRIDE; translated through the catalogues so that each
language gets its own UN short name (tests/conference/test_country_names.py checks that names are
distinct per language). Some are django-countries' English names, listed for their French (and
Vietnamese) UN short names, which django-countries does not give ("Bélarus", not "Biélorussie"):
the French articles of conference/french_names.py are those of the UN names."""

from django.utils.translation import gettext_lazy as _

UN_SHORT_NAMES = {
    "AS": _("American Samoa"),
    "BN": _("Brunei Darussalam"),
    "BO": _("Bolivia (Plurinational State of)"),
    "BS": _("Bahamas"),
    "BY": _("Belarus"),
    "BZ": _("Belize"),
    "CD": _("Democratic Republic of the Congo"),
    "CV": _("Cabo Verde"),
    "CZ": _("Czechia"),
    "FM": _("Micronesia (Federated States of)"),
    "GB": _("United Kingdom of Great Britain and Northern Ireland"),
    "GT": _("Guatemala"),
    "GY": _("Guyana"),
    "IE": _("Ireland"),
    "IQ": _("Iraq"),
    "IR": _("Iran (Islamic Republic of)"),
    "IS": _("Iceland"),
    "JE": _("Jersey"),
    "KP": _("Democratic People's Republic of Korea"),
    "KR": _("Republic of Korea"),
    "LA": _("Lao People's Democratic Republic"),
    "MD": _("Republic of Moldova"),
    "MH": _("Marshall Islands"),
    "MK": _("North Macedonia"),
    "MM": _("Myanmar"),
    "NE": _("Niger"),
    "NG": _("Nigeria"),
    "NL": _("Netherlands (Kingdom of the)"),
    "NR": _("Nauru"),
    "PS": _("State of Palestine"),
    "RU": _("Russian Federation"),
    "SA": _("Saudi Arabia"),
    "SB": _("Solomon Islands"),
    "SV": _("El Salvador"),
    "SY": _("Syrian Arab Republic"),
    "SZ": _("Eswatini"),
    "TL": _("Timor-Leste"),
    "TR": _("Türkiye"),
    "TT": _("Trinidad and Tobago"),
    "TZ": _("United Republic of Tanzania"),
    "US": _("United States of America"),
    "VA": _("Holy See"),
    "VE": _("Venezuela (Bolivarian Republic of)"),
    "VN": _("Viet Nam"),
    "WS": _("Samoa"),
}
