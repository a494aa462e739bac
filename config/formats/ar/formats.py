"""Arabic dates and times as United Nations documents write them: day, month, year and a
24-hour clock ("25 أكتوبر، 2025، 18:00"). Django's Arabic formats have a 12-hour clock with
ص/م and no date-and-time format at all, so the date and time fell back to the American
"أكتوبر 25, 2025, 6 م"."""

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F، Y، H:i"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
