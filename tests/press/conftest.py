from tests.invitations import before_the_deadlines, invite

__all__ = ["before_the_deadlines", "invite"]
