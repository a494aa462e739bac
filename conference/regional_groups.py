"""The United Nations regional groups of Member States (ISO 3166-1 alpha-2 codes), used for
geographic balance within a level of the speakers' list.

The groups are those of the General Assembly: Kiribati sits in the Asia-Pacific Group since 2010;
the United States attends the Western European and Others Group as an observer but is counted in
it for elections, and so here. Observer States (the Holy See, the State of Palestine) belong to no
group.
"""

from django.utils.translation import gettext_lazy as _

AFRICAN = "african"
ASIA_PACIFIC = "asia_pacific"
EASTERN_EUROPEAN = "eastern_european"
LATIN_AMERICAN_AND_CARIBBEAN = "latin_american_and_caribbean"
WESTERN_EUROPEAN_AND_OTHERS = "western_european_and_others"

GROUP_NAMES = {
    AFRICAN: _("African Group"),
    ASIA_PACIFIC: _("Asia-Pacific Group"),
    EASTERN_EUROPEAN: _("Eastern European Group"),
    LATIN_AMERICAN_AND_CARIBBEAN: _("Latin American and Caribbean Group"),
    WESTERN_EUROPEAN_AND_OTHERS: _("Western European and Others Group"),
}

_MEMBERS = {
    AFRICAN: (
        "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR "
        "LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TG TN UG TZ ZM ZW"
    ),
    ASIA_PACIFIC: (
        "AF BH BD BT BN KH CN CY KP FJ IN ID IR IQ JP JO KZ KI KW KG LA LB MY MV MH FM MN MM "
        "NR NP OM PK PW PG PH QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE"
    ),
    EASTERN_EUROPEAN: "AL AM AZ BY BA BG HR CZ EE GE HU LV LT ME MD PL RO RU RS SK SI MK UA",
    LATIN_AMERICAN_AND_CARIBBEAN: (
        "AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC "
        "VC SR TT UY VE"
    ),
    WESTERN_EUROPEAN_AND_OTHERS: (
        "AD AT AU BE CA DK FI FR DE GR IS IE IL IT LI LU MT MC NL NZ NO PT SM ES SE CH TR GB US"
    ),
}

REGIONAL_GROUP = {code: group for group, codes in _MEMBERS.items() for code in codes.split()}


def regional_group(country_code: str) -> str | None:
    """The regional group of a Member State, None for anyone else."""
    return REGIONAL_GROUP.get(country_code or "")
