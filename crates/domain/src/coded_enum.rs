//! Enumerations stored and exchanged as stable SCREAMING_CASE codes.

/// The code was not one of the enumeration's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {code:?}; expected one of {expected}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
    pub expected: String,
}

/// Declares a fieldless enum whose variants each have a stable code, with
/// `ALL`, `code()`, `FromStr` and `Display`. The codes are what storage,
/// seeds and the GraphQL enums use, so they must never change once released.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($kind:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code used in storage, seeds and the API.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::coded_enum::UnknownCode;

            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code() == code)
                    .ok_or_else(|| $crate::coded_enum::UnknownCode {
                        kind: $kind,
                        code: code.to_owned(),
                        expected: Self::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(", "),
                    })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use coded_enum;
