//! Token kinds of Python 3.14, as CPython's `Grammar/Tokens` names them; keywords are resolved here
//! (soft keywords `match`, `case`, `type`, `_` stay `Name`).

use crate::text::TextRange;

/// One token: its kind and its byte range in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: TextRange,
}

macro_rules! keywords {
    ($($variant:ident = $text:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Keyword { $($variant,)* }

        impl Keyword {
            #[allow(clippy::should_implement_trait)]
            pub fn from_str(s: &str) -> Option<Keyword> {
                match s { $($text => Some(Keyword::$variant),)* _ => None }
            }
            pub fn as_str(self) -> &'static str {
                match self { $(Keyword::$variant => $text,)* }
            }
        }
    };
}

keywords! {
    False = "False", None = "None", True = "True", And = "and", As = "as", Assert = "assert",
    Async = "async", Await = "await", Break = "break", Class = "class", Continue = "continue",
    Def = "def", Del = "del", Elif = "elif", Else = "else", Except = "except", Finally = "finally",
    For = "for", From = "from", Global = "global", If = "if", Import = "import", In = "in",
    Is = "is", Lambda = "lambda", Nonlocal = "nonlocal", Not = "not", Or = "or", Pass = "pass",
    Raise = "raise", Return = "return", Try = "try", While = "while", With = "with",
    Yield = "yield",
}

macro_rules! operators {
    ($($variant:ident = $text:literal,)*) => {
        /// Operator and delimiter tokens (CPython's `OP` type, split by exact type).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op { $($variant,)* }

        impl Op {
            pub fn as_str(self) -> &'static str {
                match self { $(Op::$variant => $text,)* }
            }
        }
    };
}

operators! {
    LPar = "(", RPar = ")", LSqb = "[", RSqb = "]", LBrace = "{", RBrace = "}",
    Colon = ":", Comma = ",", Semi = ";", Plus = "+", Minus = "-", Star = "*", Slash = "/",
    VBar = "|", Amper = "&", Less = "<", Greater = ">", Equal = "=", Dot = ".", Percent = "%",
    EqEqual = "==", NotEqual = "!=", LessEqual = "<=", GreaterEqual = ">=", Tilde = "~",
    Circumflex = "^", LeftShift = "<<", RightShift = ">>", DoubleStar = "**",
    PlusEqual = "+=", MinEqual = "-=", StarEqual = "*=", SlashEqual = "/=", PercentEqual = "%=",
    AmperEqual = "&=", VBarEqual = "|=", CircumflexEqual = "^=", LeftShiftEqual = "<<=",
    RightShiftEqual = ">>=", DoubleStarEqual = "**=", DoubleSlash = "//", DoubleSlashEqual = "//=",
    At = "@", AtEqual = "@=", RArrow = "->", Ellipsis = "...", ColonEqual = ":=", Exclamation = "!",
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// An identifier that is not a hard keyword (soft keywords included).
    Name,
    Keyword(Keyword),
    /// A numeric literal, exactly as written (`0x_ff`, `1.5e3j`, ...).
    Number,
    /// A complete non-f, non-t string literal: prefix, quotes and body.
    String,
    /// `f"`, `rf'''`, ...: the prefix and opening quote(s) of an f-string.
    FStringStart,
    /// Literal text inside an f-string or its format spec, as written: doubled braces and
    /// backslash escapes are kept (the parser decodes them). Never empty.
    FStringMiddle,
    /// The closing quote(s) of an f-string.
    FStringEnd,
    TStringStart,
    TStringMiddle,
    TStringEnd,
    Op(Op),
    /// End of a logical line: the `\n` (empty at the end of a text that lacks one), from the
    /// start of a comment before it when there is one, as CPython places it.
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// The tokenizer stopped here; its error is in [`crate::tokenizer::Tokens::error`].
    Error,
}
