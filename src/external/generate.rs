//! What the generators of valid values know, written once for `arbitrary` and `strategy`:
//! the alphabets of identifiers and host labels, and the OSS endpoints with fixed names.

/// The characters of `MediaId`, `ReferenceId` and VOD IDs (`A-Z a-z 0-9 - _`), lower case
/// first, so that the plainest generated ID is `a`.
pub(crate) const ID_CHARS: &[u8] =
    b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Lower-case hex digits: IMS IDs are 32 of them.
pub(crate) const HEX_DIGITS: &[u8] = b"0123456789abcdef";

/// The characters of a DNS label or bucket name in lower case.
pub(crate) const LABEL_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";

/// Lower-case letters and digits: what starts and ends a bucket name or label.
#[cfg(feature = "proptest")]
pub(crate) const ALNUM_LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// OSS endpoints (host without the bucket) of every documented kind that has a fixed name:
/// regular, internal, dual-stack, acceleration, the China-mainland one, finance and gov.
pub(crate) const FIXED_ENDPOINTS: [&str; 13] = [
    "oss-cn-shanghai.aliyuncs.com",
    "oss-cn-shanghai-internal.aliyuncs.com",
    "cn-hangzhou.oss.aliyuncs.com",
    "oss-ap-southeast-1.aliyuncs.com",
    "oss-accelerate.aliyuncs.com",
    "oss-accelerate-overseas.aliyuncs.com",
    "oss-accelerate-internal.aliyuncs.com",
    "oss-rg-china-mainland.aliyuncs.com",
    "oss-cn-shanghai-finance-1.aliyuncs.com",
    "oss-cn-shanghai-finance-1-internal.aliyuncs.com",
    "oss-cn-hzfinance.aliyuncs.com",
    "oss-cn-szfinance-internal.aliyuncs.com",
    "oss-cn-north-2-gov-1-internal.aliyuncs.com",
];

/// Queries a cover may start with, weighted towards none: parameters that look like a
/// signature but do not make the URL signed by OSS (another CDN's `Expires`, a lone
/// `Signature` or `OSSAccessKeyId`, `x-oss-date` without the V4 version), which a cover keeps.
pub(crate) const COVER_QUERIES: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    "",
    "/c.png?Expires=1700000000&Key-Pair-Id=K1&",
    "/c.png?Signature=abc%3D&",
    "?OSSAccessKeyId=LTAI0000&v=2&",
    "/a.png?x-oss-process=image/resize,w_100&x-oss-date=20241201T000000Z&",
    "?security-token=CAIS&Expires=1#",
];
