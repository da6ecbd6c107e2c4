//! The messages the tests pin, once each: a change of wording is one edit here, and the
//! tests that expect a message name it instead of copying it.

pub const APPEND_17_TAGS: &str = "invalid MediaTags: appending gives 17 tags, at most 16 allowed";
pub const APPEND_TAGS_YES: &str = "invalid AppendTags: \"yes\", expected true or false";
pub const BUSINESS_TYPE_VIDEO: &str = "invalid BusinessType: \"video\" is a MediaType, not a BusinessType; valid values: subtitles, font, watermark, opening, ending, general, default, cover, sticker, bgm, bgi";
pub const CATEGORY_66_BYTES: &str = "invalid Category: 66 bytes, at most 64 allowed";
pub const CATE_ID_0: &str = "invalid CateId: \"0\" out of range, 1 to 9223372036854775807 allowed";
pub const CATE_ID_MINUS_5: &str =
    "invalid CateId: \"-5\" out of range, 1 to 9223372036854775807 allowed";
pub const CATE_ID_OVERFLOW: &str =
    "invalid CateId: \"9223372036854775808\" out of range, 1 to 9223372036854775807 allowed";
pub const CATE_ID_PLUS_5: &str =
    "invalid CateId: \"+5\" is not a decimal integer, only digits 0-9 allowed";
pub const DESCRIPTION_1025_BYTES: &str = "invalid Description: 1025 bytes, at most 1024 allowed";
pub const DESCRIPTION_NUL: &str =
    "invalid Description: control character U+0000 at byte 1 in \"a<U+0000>\"";
pub const MEDIA_ID_EMPTY: &str = "invalid MediaId: empty, at least 1 character required";
pub const MISSING_TARGET: &str = "missing MediaId: MediaId or InputURL is required";
pub const REFERENCE_ID_ABC: &str =
    "invalid ReferenceId: 3 characters, at least 6 required in \"abc\"";
pub const SECOND_TAG_EMPTY: &str = "invalid MediaTags: tag 2: empty, at least 1 byte required";
pub const TAG_WITH_COMMA: &str = "invalid MediaTags: ',' at byte 1 in a single tag \"a,b\"";
pub const TITLE_129_BYTES: &str = "invalid Title: 129 bytes, at most 128 allowed";
pub const TITLE_EMPTY: &str = "invalid Title: empty, at least 1 byte required";
pub const TITLE_TWICE: &str = "invalid Title: given 2 times, at most once allowed";
pub const UNKNOWN_TITTLE: &str =
    "unknown parameter \"Tittle\": not a parameter of UpdateMediaInfo, did you mean Title";
pub const UNKNOWN_ZZZ: &str = "unknown parameter \"Zzz\": not a parameter of UpdateMediaInfo";
pub const USER_DATA_1025_BYTES: &str = "invalid UserData: 1025 bytes, at most 1024 allowed";
