"""French sentences that name a State or an organisation: "d'inviter le Sénégal", "la délégation
de la France", "du Sénégal", "des Philippines", "de l'Inde", "aux États-Unis d'Amérique",
"à Cuba".

French puts an article before most country names and contracts it with "de" and "à"; which
article is a fact of each name, not a rule of its spelling (le Mexique, but Cuba and Madagascar
without one; l'Inde, les Philippines). The United Nations' terminology (UNTERM) gives each French
short name its article ("Sénégal (le)", "Cuba"), and `STATE_ARTICLES` copies it for the names
settings.COUNTRIES_OVERRIDE and django-countries give, by ISO code. Organisations are named in
English in the database; `ORGANISATIONS` gives the French name the United Nations uses for those
the demo and the Convention name, with its article. An organisation not listed (a company, a
university, an NGO) is a proper name: used as written, without article ("d'Amnesty International",
"de Google").

`french_forms(delegation)` gives the three forms a sentence needs; the template filters
`fr_le`, `fr_de` and `fr_a` (conference/templatetags/french_names.py) print them.
"""

from dataclasses import dataclass

from django.utils import translation

# The article of each French short name, as UNTERM writes it ("le", "la", "l'", "les", or "" for
# none), by ISO code. tests/conference/test_french_names.py holds that every country has one.
_CODES_BY_ARTICLE = {
    "le": (
        "BD BF BI BJ BN BR BT BW BY BZ CA CG CL CM CR CV DK EH GA GB GH GL GT GY HN IO JP KE KG "
        "KH KW KZ LB LI LR LS LU MA ME ML MM MW MX MZ NE NG NI NP PA PE PK PT PY QA RW SD SN SR "
        "SS TD TG TJ TL TM VA VE VN VU WS YE ZW"
    ),
    "la": (
        "BA BB BE BG BO CF CD CH CI CN CO CZ DM DO FI FM FR GD GE GF GM GN GP GQ GR GS GW HR HU "
        "JM JO KP KR LA LT LV LY MD MK MN MQ MR MY NA NC NO NZ PF PG PL RE RO RS RU SE SI SK SL "
        "SO SY TH TN TR TZ ZM"
    ),
    "l'": (
        "AD AF AL AM AO AQ AR AT AU AZ BV CX DE DZ EC EE EG ER ES ET ID IE IM IN IQ IR IS IT NF "
        "PN PS SA SJ SZ UA UG UY UZ ZA"
    ),
    "les": (
        "AE AS AX BM BS CC CK FJ FK FO HM KM KY MH MP MV NL PH PW SB SC TC TF TK TO TV UM US VG VI"
    ),
    "": (
        "AG AI AW BH BL BQ CU CW CY DJ GG GI GU HK HT IL JE KI KN LC LK MC MF MG MO MS MT MU NR "
        "NU OM PM PR SG SH SM ST SV SX TT TW VC WF YT"
    ),
}
STATE_ARTICLES = {
    code: article for article, codes in _CODES_BY_ARTICLE.items() for code in codes.split()
}

# Organisations named in English in the database, with the French name and article the United
# Nations uses.
ORGANISATIONS = {
    "United Nations": ("l'", "Organisation des Nations Unies"),
    "United Nations Secretariat": ("le", "Secrétariat de l'Organisation des Nations Unies"),
    "United Nations Office on Drugs and Crime": (
        "l'",
        "Office des Nations Unies contre la drogue et le crime",
    ),
    "United Nations Office of Legal Affairs": (
        "le",
        "Bureau des affaires juridiques de l'Organisation des Nations Unies",
    ),
    "United Nations Children's Fund": ("le", "Fonds des Nations Unies pour l'enfance"),
    "International Telecommunication Union": ("l'", "Union internationale des télécommunications"),
    "United Nations Development Programme": (
        "le",
        "Programme des Nations Unies pour le développement",
    ),
    "Office of the United Nations High Commissioner for Human Rights": (
        "le",
        "Haut-Commissariat des Nations Unies aux droits de l'homme",
    ),
    "United Nations Interregional Crime and Justice Research Institute": (
        "l'",
        "Institut interrégional de recherche des Nations Unies sur la criminalité et la justice",
    ),
    "United Nations Office of Counter-Terrorism": ("le", "Bureau de lutte contre le terrorisme"),
    "United Nations Office for Disarmament Affairs": ("le", "Bureau des affaires de désarmement"),
    "United Nations Institute for Disarmament Research": (
        "l'",
        "Institut des Nations Unies pour la recherche sur le désarmement",
    ),
    "United Nations Educational, Scientific and Cultural Organization": (
        "l'",
        "Organisation des Nations Unies pour l'éducation, la science et la culture",
    ),
    "United Nations Entity for Gender Equality and the Empowerment of Women": (
        "l'",
        "Entité des Nations Unies pour l'égalité des sexes et l'autonomisation des femmes",
    ),
    "United Nations Conference on Trade and Development": (
        "la",
        "Conférence des Nations Unies sur le commerce et le développement",
    ),
    "United Nations Economic and Social Commission for Asia and the Pacific": (
        "la",
        "Commission économique et sociale pour l'Asie et le Pacifique",
    ),
    "United Nations Economic Commission for Africa": ("la", "Commission économique pour l'Afrique"),
    "United Nations Economic Commission for Europe": ("la", "Commission économique pour l'Europe"),
    "United Nations Economic Commission for Latin America and the Caribbean": (
        "la",
        "Commission économique pour l'Amérique latine et les Caraïbes",
    ),
    "United Nations Economic and Social Commission for Western Asia": (
        "la",
        "Commission économique et sociale pour l'Asie occidentale",
    ),
    "United Nations Population Fund": ("le", "Fonds des Nations Unies pour la population"),
    "United Nations High Commissioner for Refugees": (
        "le",
        "Haut-Commissariat des Nations Unies pour les réfugiés",
    ),
    "International Organization for Migration": (
        "l'",
        "Organisation internationale pour les migrations",
    ),
    "World Intellectual Property Organization": (
        "l'",
        "Organisation mondiale de la propriété intellectuelle",
    ),
    "International Civil Aviation Organization": (
        "l'",
        "Organisation de l'aviation civile internationale",
    ),
    "Universal Postal Union": ("l'", "Union postale universelle"),
    "World Bank Group": ("le", "Groupe de la Banque mondiale"),
    "International Monetary Fund": ("le", "Fonds monétaire international"),
    "United Nations University": ("l'", "Université des Nations Unies"),
    "United Nations Institute for Training and Research": (
        "l'",
        "Institut des Nations Unies pour la formation et la recherche",
    ),
    "United Nations Office for Project Services": (
        "le",
        "Bureau des Nations Unies pour les services d'appui aux projets",
    ),
    "United Nations Environment Programme": (
        "le",
        "Programme des Nations Unies pour l'environnement",
    ),
    "United Nations Human Settlements Programme": (
        "le",
        "Programme des Nations Unies pour les établissements humains",
    ),
    "International Labour Organization": ("l'", "Organisation internationale du Travail"),
    "World Health Organization": ("l'", "Organisation mondiale de la Santé"),
    "Food and Agriculture Organization of the United Nations": (
        "l'",
        "Organisation des Nations Unies pour l'alimentation et l'agriculture",
    ),
    "United Nations Department of Economic and Social Affairs": (
        "le",
        "Département des affaires économiques et sociales",
    ),
    "United Nations Office for Outer Space Affairs": ("le", "Bureau des affaires spatiales"),
    "United Nations Department of Political and Peacebuilding Affairs": (
        "le",
        "Département des affaires politiques et de la consolidation de la paix",
    ),
    "International Atomic Energy Agency": ("l'", "Agence internationale de l'énergie atomique"),
    "United Nations Counter-Terrorism Committee Executive Directorate": (
        "la",
        "Direction exécutive du Comité contre le terrorisme",
    ),
    "International Fund for Agricultural Development": (
        "le",
        "Fonds international de développement agricole",
    ),
    "European Union": ("l'", "Union européenne"),
    "Association of Southeast Asian Nations": (
        "l'",
        "Association des nations de l'Asie du Sud-Est",
    ),
    "African Union": ("l'", "Union africaine"),
    "Organization of American States": ("l'", "Organisation des États américains"),
    "League of Arab States": ("la", "Ligue des États arabes"),
    "Organization for Security and Co-operation in Europe": (
        "l'",
        "Organisation pour la sécurité et la coopération en Europe",
    ),
    "Council of Europe": ("le", "Conseil de l'Europe"),
    "Shanghai Cooperation Organisation": ("l'", "Organisation de Shanghai pour la coopération"),
    "Collective Security Treaty Organization": (
        "l'",
        "Organisation du Traité de sécurité collective",
    ),
    "Commonwealth of Independent States": ("la", "Communauté d'États indépendants"),
    "Economic Community of West African States": (
        "la",
        "Communauté économique des États de l'Afrique de l'Ouest",
    ),
    "Southern African Development Community": (
        "la",
        "Communauté de développement de l'Afrique australe",
    ),
    "East African Community": ("la", "Communauté de l'Afrique de l'Est"),
    "Caribbean Community": ("la", "Communauté des Caraïbes"),
    "Organisation of Islamic Cooperation": ("l'", "Organisation de la coopération islamique"),
    "Economic Community of Central African States": (
        "la",
        "Communauté économique des États de l'Afrique centrale",
    ),
    "Andean Community": ("la", "Communauté andine"),
    "International Criminal Police Organization": (
        "l'",
        "Organisation internationale de police criminelle",
    ),
    "Inter-Parliamentary Union": ("l'", "Union interparlementaire"),
    "Asian Development Bank": ("la", "Banque asiatique de développement"),
    "Organisation for Economic Co-operation and Development": (
        "l'",
        "Organisation de coopération et de développement économiques",
    ),
    "Commonwealth Secretariat": ("le", "Secrétariat du Commonwealth"),
    "Organisation internationale de la Francophonie": (
        "l'",
        "Organisation internationale de la Francophonie",
    ),
    "World Customs Organization": ("l'", "Organisation mondiale des douanes"),
    "International Committee of the Red Cross": ("le", "Comité international de la Croix-Rouge"),
    "International Development Law Organization": (
        "l'",
        "Organisation internationale de droit du développement",
    ),
    "Hague Conference on Private International Law": (
        "la",
        "Conférence de La Haye de droit international privé",
    ),
    "International Institute for the Unification of Private Law": (
        "l'",
        "Institut international pour l'unification du droit privé",
    ),
    "Islamic Development Bank": ("la", "Banque islamique de développement"),
    "African Development Bank": ("la", "Banque africaine de développement"),
    "Bank for International Settlements": ("la", "Banque des règlements internationaux"),
}

_ARTICLES = ("le", "la", "l'", "les", "")
_OF = {"le": "du ", "la": "de la ", "l'": "de l'", "les": "des "}
_TO = {"le": "au ", "la": "à la ", "l'": "à l'", "les": "aux "}
_VOWELS = tuple("AEIOUYÂÀÉÈÊËÎÏÔÖÛÜŒaeiouyâàéèêëîïôöûüœ")
# Names without article whose first letter is a mute h: "d'Haïti".
_MUTE_H = ("Haïti",)


@dataclass(frozen=True)
class FrenchForms:
    """A name alone, with its article, and contracted after "de" and "à"."""

    name: str  # "Sénégal", "Union européenne": in a heading or a list
    le: str  # "le Sénégal", "l'Inde", "Cuba"
    de: str  # "du Sénégal", "de l'Inde", "de Cuba", "d'Israël"
    a: str  # "au Sénégal", "à l'Inde", "à Cuba"


def forms_of(name: str, article: str) -> FrenchForms:
    """The three forms of `name`, whose UNTERM article is `article` ("le", "la", "l'", "les" or
    "" for none)."""
    if article not in _ARTICLES:
        raise ValueError(f"Unknown French article: {article!r}")
    if not article:
        elided = name.startswith(_VOWELS) or name.startswith(_MUTE_H)
        return FrenchForms(
            name=name, le=name, de=f"d'{name}" if elided else f"de {name}", a=f"à {name}"
        )
    spaced = "" if article == "l'" else " "
    return FrenchForms(
        name=name,
        le=f"{article}{spaced}{name}",
        de=f"{_OF[article]}{name}",
        a=f"{_TO[article]}{name}",
    )


def french_forms(delegation) -> FrenchForms:
    """The forms of a delegation's name in French: a State by its UN short name and article, an
    organisation by the French name and article the organisers gave it (its `translations`),
    else by its French name where the UN gives one (`ORGANISATIONS`), else its own name as
    written.

    `delegation` is anything with `is_state`, `country` and `name` (a Delegation), or a name."""
    if isinstance(delegation, str):
        article, name = ORGANISATIONS.get(delegation, ("", delegation))
        return forms_of(name, article)
    if delegation.is_state:
        with translation.override("fr"):
            name = str(delegation.country.name)
        return forms_of(name, STATE_ARTICLES.get(delegation.country.code, ""))
    own = (getattr(delegation, "translations", None) or {}).get("fr")
    if isinstance(own, dict) and own.get("name") and own.get("article", "") in _ARTICLES:
        return forms_of(own["name"], own.get("article", ""))
    article, name = ORGANISATIONS.get(delegation.name, ("", delegation.name))
    return forms_of(name, article)
