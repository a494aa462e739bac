"""Vietnamese dates inside a sentence: "17:00 ngày 19 tháng 1 năm 2027", "từ ngày 30 tháng 1".
Django's Vietnamese formats capitalise "Ngày" and pad the day ("Ngày 05"), which reads wrong
wherever a date follows a time or a word, which is nearly everywhere on a page."""

DATE_FORMAT = r"\n\gà\y j \t\há\n\g n \nă\m Y"
DATETIME_FORMAT = r"H:i \n\gà\y j \t\há\n\g n \nă\m Y"
