"""The organisers' roles: each a Django group holding exactly the permissions its work needs.

This table is the one place where roles are defined. The data migration
`config/migrations/0001_roles.py` creates the groups from it; `python manage.py sync_roles`
brings the groups back to it after an edit (a new model's permissions, a duty moved from one
role to another): a group then holds what is written here and nothing more.

A staff member gets a role by being put in its group (Users in the console); a superuser needs
none. Permissions are Django's `add`, `change`, `delete` and `view` of a model, plus the custom
`delegations.reveal_passport`. Two duties ride on a model permission of their own:
sending invitations is `delegations.add_invitation`, and reopening a delegation's registration is
`delegations.change_delegate`, the accreditation desk's right to decide on a registration.
Checking a badge in at a door is `delegations.add_scan`. Printing badges is
`delegations.print_badge` (the accreditation desk); revoking one is `delegations.change_badge`
(security).

Passports: only the accreditation desk may reveal a passport number (each reveal is recorded).
It checks the identity and the uniqueness of the people it accredits. Security does not: at the
doors the badge's photo and its signed QR code identify the bearer, and the badge holds no
personal data. Keeping the permission with the few who need it keeps the record of reveals
meaningful.
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, transaction

ADD, CHANGE, DELETE, VIEW = "add", "change", "delete", "view"
EDIT = (ADD, CHANGE, VIEW)
ALL = (ADD, CHANGE, DELETE, VIEW)


@dataclass(frozen=True)
class Role:
    name: str
    # "app_label.model_name" -> the actions allowed on it
    models: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # other permissions, as "app_label.codename"
    extra: tuple[str, ...] = ()
    # every `view` permission of these apps, so that a model added later is covered at once
    view_all_of: tuple[str, ...] = ()

    def permission_names(self, known):
        names = {
            f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
            for model, actions in self.models.items()
            for action in actions
        }
        names.update(self.extra)
        names.update(
            name
            for name, (app_label, codename, model_name) in known.items()
            if app_label in self.view_all_of
            and codename == f"view_{model_name}"
            # django-simple-history's copies: the history pages use the model's own permission
            and not model_name.startswith("historical")
        )
        return names


PROTOCOL = Role(
    "Protocol",
    models={
        # programme, precedence and the conference's protocol settings
        "conference.conference": (VIEW, CHANGE),
        "conference.venue": (VIEW,),
        "conference.room": (VIEW,),
        "programme.session": ALL,
        "programme.sessionperson": ALL,
        "programme.schedulerelease": (ADD, VIEW),
        "programme.place": (VIEW,),
        "delegations.delegate": (VIEW,),
        # invitations: the invitee list, its focal points, and the letters sent to them
        "delegations.delegation": EDIT,
        "delegations.invitation": EDIT,
        "delegations.outboundmessage": (VIEW, CHANGE),
        "delegations.portalaccount": (VIEW,),
        # webhooks for integrators, and their delivery log (read-only: the service writes it)
        "conference.webhook": ALL,
        "conference.webhookdelivery": (VIEW,),
        # speakers' list
        "programme.inscription": ALL,
        "programme.replyrequest": ALL,
        # signing ceremony, signatures and ratifications
        "programme.signatory": (VIEW, CHANGE),
        "conference.convention": (VIEW, CHANGE),
        "conference.signature": EDIT,
        "conference.instrument": EDIT,
        "conference.depositarynotification": EDIT,
        # bilaterals
        "programme.bilateralmeeting": EDIT,
        # side events: the slot grid and the decisions on the applications
        "programme.sideeventslot": ALL,
        "programme.sideeventapplication": (VIEW, CHANGE),
        # the list of participants: issue its versions (add), see the delegations' checks
        "delegations.participantlist": (ADD, VIEW),
        "delegations.listentry": (VIEW,),
        "delegations.listcheck": (VIEW,),
    },
)

ACCREDITATION = Role(
    "Accreditation",
    models={
        "conference.conference": (VIEW,),
        # review registrations, accredit or refuse delegates, reopen a registration, import
        # a delegation's delegates from a spreadsheet
        "delegations.delegation": (VIEW,),
        "delegations.delegate": EDIT,
        "delegations.invitation": (VIEW,),
        "delegations.outboundmessage": (VIEW,),
        "delegations.portalaccount": (VIEW,),
        # issue badges (add) and print them (print_badge); revoking is security's
        "delegations.badge": (ADD, VIEW),
    },
    extra=("delegations.reveal_passport", "delegations.print_badge"),
)

LOGISTICS = Role(
    "Logistics",
    models={
        "conference.conference": (VIEW,),
        # venue and rooms
        "conference.venue": EDIT,
        "conference.room": ALL,
        "conference.accesszone": (VIEW,),
        # travel, airport transfers and hotels (all on the travel record)
        "delegations.delegation": (VIEW,),
        "delegations.delegate": (VIEW,),
        "delegations.travel": ALL,
        # liaison officers and the delegations in their care
        "delegations.liaisonofficer": ALL,
        "delegations.liaisonassignment": ALL,
        # gala dinner
        "programme.session": (VIEW,),
        "programme.galatable": ALL,
        "programme.galaanswer": EDIT,
        "programme.galaseat": (VIEW, CHANGE),
        # exhibition booths; bilaterals are seen, to know which rooms are taken
        "programme.booth": EDIT,
        "programme.exhibitor": EDIT,
        "programme.bilateralmeeting": (VIEW,),
    },
)

SECURITY = Role(
    "Security",
    models={
        "conference.conference": (VIEW,),
        "conference.venue": (VIEW,),
        "conference.room": (VIEW,),
        # zones, badges and their revocation, scanners, check-in
        "conference.accesszone": ALL,
        "delegations.delegation": (VIEW,),
        "delegations.delegate": (VIEW,),
        "delegations.badge": (VIEW, CHANGE),
        "delegations.scannerdevice": ALL,
        "delegations.scan": (ADD, VIEW),  # add: check people in at the doors
        "programme.session": (VIEW,),
    },
)

PRESS_OFFICE = Role(
    "Press office",
    models={
        "conference.conference": (VIEW,),
        "programme.session": (VIEW,),
        # media accreditation: outlets and their quotas, the journalists' applications
        "delegations.mediaoutlet": ALL,
        "delegations.mediaapplication": (VIEW, CHANGE),
        # the media pools of restricted events, their places and names
        "programme.mediapool": ALL,
        "programme.poolplace": (ADD, VIEW, DELETE),
    },
    # the journalists' yellow badges, printed and replaced (a lost card: the old one is revoked)
    # from the journalists' list; revoking one without a replacement is security's
    extra=("delegations.print_badge",),
)

LANGUAGE_SERVICES = Role(
    "Language services",
    models={
        # the interpretation plan of each day: sessions, their rooms and booths
        "conference.conference": (VIEW,),
        "conference.room": (VIEW,),
        "programme.session": (VIEW,),
    },
)

READ_ONLY = Role("Read-only", view_all_of=("conference", "delegations", "programme"))

ROLES = (
    PROTOCOL,
    ACCREDITATION,
    LOGISTICS,
    SECURITY,
    PRESS_OFFICE,
    LANGUAGE_SERVICES,
    READ_ONLY,
)
ROLE_NAMES = tuple(role.name for role in ROLES)


class MissingPermissions(LookupError):
    """The table names permissions the database does not have (a typo, or a model whose
    migration has not run yet)."""

    def __init__(self, names):
        self.names = sorted(names)
        super().__init__(f"Unknown permissions: {', '.join(self.names)}")


def sync_roles(*, apps=global_apps, using=DEFAULT_DB_ALIAS, strict=True):
    """Create the role groups that are missing and set each one's permissions to the table's.

    With `strict`, a permission the database lacks raises `MissingPermissions` before anything
    is written. The first migration runs without it: a model added by a later migration is not
    there yet, and a later migration (or this command) grants its permissions.
    Returns {group name: number of permissions}.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(using).select_related("content_type")
    by_name = {f"{p.content_type.app_label}.{p.codename}": p for p in permissions}
    known = {
        name: (p.content_type.app_label, p.codename, p.content_type.model)
        for name, p in by_name.items()
    }
    wanted = {role.name: role.permission_names(known) for role in ROLES}
    missing = set().union(*wanted.values()) - by_name.keys()
    if strict and missing:
        raise MissingPermissions(missing)
    counts = {}
    with transaction.atomic(using=using):
        for role in ROLES:
            group, _created = Group.objects.using(using).get_or_create(name=role.name)
            granted = [by_name[name] for name in sorted(wanted[role.name] - missing)]
            group.permissions.set(granted)
            counts[role.name] = len(granted)
    return counts
