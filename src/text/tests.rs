//! Tests of the text functions.

use super::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_grapheme_takes_the_ascii_short_cut_only_where_it_holds() {
        assert_eq!(first_grapheme("ab"), Some("a"));
        assert_eq!(first_grapheme("a"), Some("a"));
        assert_eq!(first_grapheme("\r\nx"), Some("\r\n"));
        assert_eq!(first_grapheme("e\u{301}x"), Some("e\u{301}"));
        assert_eq!(
            first_grapheme("\u{1F1EB}\u{1F1F7}!"),
            Some("\u{1F1EB}\u{1F1F7}")
        );
        assert_eq!(first_grapheme(""), None);
    }
    use std::collections::hash_map::DefaultHasher;

    fn hash_of(s: &str) -> u64 {
        let mut h = DefaultHasher::new();
        swift_hash(s, &mut h);
        h.finish()
    }

    #[test]
    #[allow(clippy::approx_constant)]
    fn doubles_print_as_swift_does() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (100.0, "100.0"),
            (1e-5, "1e-05"),
            (1e16, "1e+16"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (0.0001, "0.0001"),
            (0.00012, "0.00012"),
            (0.000099, "9.9e-05"),
            (1e15, "1000000000000000.0"),
            (9_007_199_254_740_992.0, "9007199254740992.0"),
            (9_007_199_254_740_994.0, "9.007199254740994e+15"),
            (-9_007_199_254_740_992.0, "-9007199254740992.0"),
            (9_007_199_254_740_991.0, "9007199254740991.0"),
            (1.2345678901234567e16, "1.2345678901234568e+16"),
            (12_345_678_901_234_568.0, "1.2345678901234568e+16"),
            (3.14159, "3.14159"),
            (2.5e-7, "2.5e-07"),
            (1.5e300, "1.5e+300"),
            (1.5e20, "1.5e+20"),
            (-1.5, "-1.5"),
            (123.456, "123.456"),
            (0.3, "0.3"),
            (0.1 + 0.2, "0.30000000000000004"),
            (2.0 / 3.0, "0.6666666666666666"),
            (1e100, "1e+100"),
            (1e-100, "1e-100"),
            (12345.0, "12345.0"),
            (-0.001, "-0.001"),
            (4.35, "4.35"),
            (1e22, "1e+22"),
        ];
        for &(x, expected) in cases {
            assert_eq!(format_double(x), expected, "bits {:#x}", x.to_bits());
        }
    }

    #[test]
    fn nan_spellings_follow_swift_dtoa() {
        assert_eq!(format_double(-f64::NAN), "-nan");
        assert_eq!(format_double(f64::from_bits(0x7FF4_0000_0000_0000)), "snan");
        assert_eq!(
            format_double(f64::from_bits(0x7FF8_0000_0000_0001)),
            "nan(0x1)"
        );
        assert_eq!(
            format_double(f64::from_bits(0xFFF0_0000_0000_00FF)),
            "-snan(0xff)"
        );
        // Bit 50 is not part of the printed payload.
        assert_eq!(format_double(f64::from_bits(0x7FFC_0000_0000_0000)), "nan");
        assert_eq!(double_description(-f64::NAN), "nan");
        assert_eq!(
            double_description(f64::from_bits(0x7FF4_0000_0000_0000)),
            "nan"
        );
        assert_eq!(double_description(2.5), "2.5");
    }

    #[test]
    fn strings_debug_quote_as_swift_does() {
        assert_eq!(debug_quote("a"), "\"a\"");
        assert_eq!(debug_quote(""), "\"\"");
        assert_eq!(debug_quote("it's"), "\"it\\'s\"");
        assert_eq!(debug_quote("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(debug_quote("a\\b"), "\"a\\\\b\"");
        assert_eq!(debug_quote("1\n2\r3\t4\u{0}"), "\"1\\n2\\r3\\t4\\0\"");
        assert_eq!(
            debug_quote("\u{1B}[0m\u{7F}\u{1}"),
            "\"\\u{1B}[0m\\u{7F}\\u{01}\""
        );
        assert_eq!(debug_quote("café 😀 日本"), "\"café 😀 日本\"");
        // Non-ASCII controls are not escaped by escaped(asASCII: false).
        assert_eq!(debug_quote("a\u{85}b\u{200B}"), "\"a\u{85}b\u{200B}\"");
        assert_eq!(debug_quote("cafe\u{301}"), "\"cafe\u{301}\"");
        assert_eq!(debug_quote("\r\n"), "\"\\r\\n\"");
        assert_eq!(debug_quote("👨‍👩‍👧"), "\"👨‍👩‍👧\"");
    }

    #[test]
    fn debug_quote_keeps_quotes_and_escapes_from_fusing() {
        // The example of swiftlang/swift#63048.
        assert_eq!(
            debug_quote("\u{301}A\n\u{302}B\u{70F}"),
            "\"\\u{0301}A\\n\\u{0302}B\\u{070F}\""
        );
        assert_eq!(debug_quote("\u{200D}"), "\"\\u{200D}\"");
        assert_eq!(debug_quote("\u{301}\u{302}x"), "\"\\u{0301}\\u{0302}x\"");
        assert_eq!(debug_quote("\u{1F3FB}"), "\"\\u{0001F3FB}\"");
        assert_eq!(debug_quote("\u{600}\u{600}"), "\"\\u{0600}\\u{0600}\"");
        assert_eq!(debug_quote("x\u{600}y"), "\"x\u{600}y\"");
        assert_eq!(debug_quote_char("a"), "\"a\"");
        assert_eq!(debug_quote_char("'"), "\"\\'\"");
    }

    #[test]
    fn graphemes_and_canonical_equivalence() {
        assert_eq!(grapheme_count("caf\u{E9}"), 4);
        assert_eq!(grapheme_count("cafe\u{301}"), 4);
        assert_eq!(grapheme_count("🇺🇸🇫🇷"), 2);
        assert_eq!(grapheme_count("👨‍👩‍👧"), 1);
        assert_eq!(grapheme_count("\r\n"), 1);
        assert_eq!(grapheme_count("a\r\nb\n\r"), 5);
        assert_eq!(grapheme_count(""), 0);
        assert_eq!(
            graphemes("ae\u{301}\r\n").collect::<Vec<_>>(),
            ["a", "e\u{301}", "\r\n"]
        );
        assert_eq!(graphemes("ab").rev().collect::<String>(), "ba");

        assert!(swift_eq("caf\u{E9}", "cafe\u{301}"));
        assert!(swift_eq("", ""));
        assert!(!swift_eq("abc", "abd"));
        assert!(!swift_eq("é", "e"));
        // Canonical ordering of combining marks.
        assert!(swift_eq("a\u{301}\u{316}", "a\u{316}\u{301}"));
        // Compatibility equivalents are not equal.
        assert!(!swift_eq("ﬁ", "fi"));
        assert_eq!(hash_of("caf\u{E9}"), hash_of("cafe\u{301}"));
        assert_eq!(hash_of("abc"), hash_of("abc"));
        assert_ne!(hash_of("ab"), hash_of("abc"));
    }

    #[test]
    fn ordering_is_by_nfc_scalars() {
        assert_eq!(swift_cmp("a", "b"), Ordering::Less);
        assert_eq!(swift_cmp("Z", "a"), Ordering::Less);
        assert_eq!(swift_cmp("ab", "a"), Ordering::Greater);
        assert_eq!(swift_cmp("", "a"), Ordering::Less);
        assert_eq!(swift_cmp("cafe\u{301}", "caf\u{E9}"), Ordering::Equal);
        assert_eq!(swift_cmp("é", "f"), Ordering::Greater);
        assert_eq!(swift_cmp("e\u{301}", "f"), Ordering::Greater);
        assert_eq!(swift_cmp("\u{FFFF}", "😀"), Ordering::Less);
    }

    #[test]
    fn character_classification() {
        for c in ["a", "Z", "é", "e\u{301}", "日", "ᚨ", "ϴ", "ڈ"] {
            assert!(char_is_letter(c), "{c}");
        }
        for c in ["1", " ", "!", "", "😀", "\u{301}"] {
            assert!(!char_is_letter(c), "{c:?}");
        }
        for c in ["7", "⅚", "㊈", "𝟠", "๒", "万", "Ⅻ", "½"] {
            assert!(char_is_number(c), "{c}");
        }
        for c in ["a", "", " ", "-"] {
            assert!(!char_is_number(c), "{c:?}");
        }
        assert_eq!(char_whole_number_value("4"), Some(4));
        assert_eq!(char_whole_number_value("④"), Some(4));
        assert_eq!(char_whole_number_value("万"), Some(10_000));
        assert_eq!(char_whole_number_value("५"), Some(5));
        assert_eq!(char_whole_number_value("๙"), Some(9));
        assert_eq!(char_whole_number_value("Ⅻ"), Some(12));
        assert_eq!(char_whole_number_value("兆"), Some(1_000_000_000_000));
        assert_eq!(char_whole_number_value("\u{5EFE}"), Some(9));
        assert_eq!(char_whole_number_value("½"), None);
        assert_eq!(char_whole_number_value("a"), None);
        assert_eq!(char_whole_number_value("4\u{301}"), None);
        assert!(char_is_whole_number("9"));
        assert!(!char_is_whole_number("x"));

        assert_eq!(char_hex_digit_value("1"), Some(1));
        assert_eq!(char_hex_digit_value("a"), Some(10));
        assert_eq!(char_hex_digit_value("F"), Some(15));
        assert_eq!(char_hex_digit_value("Ｆ"), Some(15));
        assert_eq!(char_hex_digit_value("g"), None);
        assert!(char_is_hex_digit("0"));

        for c in [
            " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2029}", "\u{3000}", "\u{85}",
        ] {
            assert!(char_is_whitespace(c), "{c:?}");
        }
        for c in ["a", "", "\u{200B}"] {
            assert!(!char_is_whitespace(c), "{c:?}");
        }
        assert!(char_is_newline("\n") && char_is_newline("\r\n") && char_is_newline("\u{2028}"));
        assert!(!char_is_newline(" "));

        assert_eq!(char_ascii_value("a"), Some(97));
        assert_eq!(char_ascii_value("\r\n"), Some(10));
        assert_eq!(char_ascii_value("é"), None);
        assert_eq!(char_ascii_value("e\u{301}"), None);
        assert!(char_is_ascii("~") && !char_is_ascii("™"));

        for c in ["!", "؟", "…", "—", "“", ",", "_", "-", "(", "}"] {
            assert!(char_is_punctuation(c), "{c}");
        }
        for c in ["a", "$", "+", "1", " ", ""] {
            assert!(!char_is_punctuation(c), "{c:?}");
        }
    }

    #[test]
    fn character_case() {
        for c in ["A", "É", "E\u{301}", "И", "Π"] {
            assert!(char_is_uppercase(c), "{c}");
            assert!(!char_is_lowercase(c), "{c}");
            assert!(char_is_cased(c), "{c}");
        }
        for c in ["a", "é", "e\u{301}", "и", "π", "ß"] {
            assert!(char_is_lowercase(c), "{c}");
            assert!(!char_is_uppercase(c), "{c}");
        }
        for c in ["1", " ", "日", ""] {
            assert!(
                !char_is_uppercase(c) && !char_is_lowercase(c) && !char_is_cased(c),
                "{c:?}"
            );
        }
        // Titlecase ǅ is cased but neither upper nor lower.
        assert!(char_is_cased("ǅ"));
        assert!(!char_is_uppercase("ǅ") && !char_is_lowercase("ǅ"));
        assert_eq!(char_uppercased("ß"), "SS");
        assert_eq!(char_uppercased("é"), "É");
        assert_eq!(char_lowercased("É"), "é");
        assert_eq!(char_uppercased("1"), "1");
    }

    #[test]
    fn string_case_mapping() {
        assert_eq!(swift_uppercased("straße"), "STRASSE");
        assert_eq!(swift_uppercased("hello, World!"), "HELLO, WORLD!");
        assert_eq!(swift_lowercased("HELLO"), "hello");
        assert_eq!(swift_lowercased("ΣΑΣ"), "σασ");
        assert_eq!(swift_lowercased("İ"), "i\u{307}");
        assert_eq!(swift_uppercased("ŉ"), "ʼN");
        assert_eq!(swift_uppercased("ﬁ"), "FI");
        assert_eq!(swift_uppercased(""), "");
    }

    #[test]
    fn int_parsing() {
        assert_eq!(parse_int("123"), Some(123));
        assert_eq!(parse_int("+123"), Some(123));
        assert_eq!(parse_int("-123"), Some(-123));
        assert_eq!(parse_int("-0"), Some(0));
        assert_eq!(parse_int("007"), Some(7));
        assert_eq!(parse_int("9223372036854775807"), Some(i64::MAX));
        assert_eq!(parse_int("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int("9223372036854775808"), None);
        assert_eq!(parse_int("-9223372036854775809"), None);
        for bad in [
            "", "+", "-", " 1", "1 ", "1_000", "1.0", "0x10", "--1", "+-1", "１", "ff",
        ] {
            assert_eq!(parse_int(bad), None, "{bad:?}");
        }
        assert_eq!(parse_int_radix("ff", 16), Some(255));
        assert_eq!(parse_int_radix("-FF", 16), Some(-255));
        assert_eq!(parse_int_radix("07b", 16), Some(123));
        assert_eq!(parse_int_radix("-123", 8), Some(-83));
        assert_eq!(parse_int_radix("+123", 8), Some(83));
        assert_eq!(parse_int_radix("128", 8), None);
        assert_eq!(parse_int_radix("zz", 36), Some(35 * 36 + 35));
        assert_eq!(parse_int_radix("zzzzzzzzzzzzz", 36), None);
        assert_eq!(parse_int_radix("101", 2), Some(5));
        assert_eq!(parse_int_radix("1", 1), None);
        assert_eq!(parse_int_radix("1", 37), None);
    }

    #[test]
    fn int_formatting() {
        assert_eq!(format_int_radix(255, 16, false), "ff");
        assert_eq!(format_int_radix(-255, 16, false), "-ff");
        assert_eq!(format_int_radix(255, 16, true), "FF");
        assert_eq!(format_int_radix(0, 2, false), "0");
        assert_eq!(format_int_radix(5, 2, false), "101");
        assert_eq!(format_int_radix(35, 36, false), "z");
        assert_eq!(
            format_int_radix(i64::MIN, 10, false),
            "-9223372036854775808"
        );
        assert_eq!(
            format_int_radix(i64::MIN, 2, false),
            format!("-1{}", "0".repeat(63))
        );
        assert_eq!(format_int_radix(i64::MAX, 16, false), "7fffffffffffffff");
    }

    #[test]
    #[allow(clippy::approx_constant)]
    fn double_parsing() {
        let ok: &[(&str, f64)] = &[
            ("3.14", 3.14),
            ("-1e5", -1e5),
            ("1E5", 1e5),
            ("1e+5", 1e5),
            ("2.5e-3", 2.5e-3),
            ("1.", 1.0),
            (".5", 0.5),
            ("+.5", 0.5),
            ("1.e2", 100.0),
            ("0", 0.0),
            ("007", 7.0),
            ("inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("INF", f64::INFINITY),
            ("0x1p3", 8.0),
            ("0X1P-1", 0.5),
            ("0x1.8", 1.5),
            ("0xA.8p-1", 5.25),
            ("0x.8", 0.5),
            ("0x1.", 1.0),
            ("-0x10", -16.0),
            ("1e400", f64::INFINITY),
            ("-1e400", f64::NEG_INFINITY),
            ("1e-400", 0.0),
            ("4.9e-324", 5e-324),
            ("0x1p-1074", 5e-324),
            ("0x1p1023", 8.98846567431158e307),
            ("1\u{0}junk", 1.0),
            (
                "0.1000000000000000055511151231257827021181583404541015625",
                0.1,
            ),
        ];
        for &(text, expected) in ok {
            let got = parse_double(text);
            assert_eq!(got.map(f64::to_bits), Some(expected.to_bits()), "{text:?}");
        }
        assert_eq!(
            parse_double("-0").map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(
            parse_double("nan").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("-NaN").map(f64::to_bits),
            Some(0xFFF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("nan()").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("nan(0x5)").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0005)
        );
        assert_eq!(
            parse_double("nan(12)").map(f64::to_bits),
            Some(0x7FF8_0000_0000_000C)
        );
        assert_eq!(
            parse_double("nan(abc)").map(f64::to_bits),
            Some(0x7FF8_0000_0000_0000)
        );
        assert_eq!(
            parse_double("snan").map(f64::to_bits),
            Some(0x7FF4_0000_0000_0000)
        );
        assert_eq!(
            parse_double("-SNaN").map(f64::to_bits),
            Some(0x7FF4_0000_0000_0000)
        );
        for bad in [
            "",
            " 1",
            "1 ",
            "\t1",
            "\n1",
            "1e",
            "1e+",
            "e5",
            ".",
            "+",
            "-",
            "0x",
            "0x.p1",
            "0x1p",
            "0xg",
            "1_000",
            "1,5",
            "infinit",
            "infinityy",
            "nan(",
            "nan(a b)",
            "nanx",
            "+-1",
            "1.2.3",
            "١",
            "--1",
            "0x1.8q",
            "\u{0}1",
            "snan1",
        ] {
            assert_eq!(parse_double(bad).map(f64::to_bits), None, "{bad:?}");
        }
        // A 1-ulp-rounding hex case: 2^53 + 1 rounds to even, 2^53 + 3 up.
        assert_eq!(
            parse_double("0x20000000000001"),
            Some(9_007_199_254_740_992.0)
        );
        assert_eq!(
            parse_double("0x20000000000003"),
            Some(9_007_199_254_740_996.0)
        );
        // Subnormal rounding at the bottom: exactly half the smallest subnormal ties to 0.
        assert_eq!(parse_double("0x1p-1075"), Some(0.0));
        assert_eq!(parse_double("0x1.00001p-1075"), Some(5e-324));
        assert_eq!(parse_double("0x1.fffffffffffff8p1023"), Some(f64::INFINITY));
        assert_eq!(parse_double("0x1.fffffffffffff7p1023"), Some(f64::MAX));
        assert_eq!(
            parse_double("0x0.fffffffffffff8p-1022"),
            Some(f64::MIN_POSITIVE)
        );
    }

    #[test]
    fn printed_doubles_parse_back() {
        for x in [
            0.1,
            1e-5,
            1e16,
            5e-324,
            f64::MAX,
            -2.5e-7,
            9_007_199_254_740_994.0,
        ] {
            assert_eq!(parse_double(&format_double(x)), Some(x));
        }
        assert_eq!(
            parse_double(&format_double(f64::INFINITY)),
            Some(f64::INFINITY)
        );
        assert!(parse_double(&format_double(f64::NAN)).is_some_and(f64::is_nan));
    }

    mod properties {
        use super::super::*;
        use super::hash_of;
        use proptest::prelude::*;

        /// Strings rich in combining marks, joiners, regional indicators, CR/LF and quotes.
        fn tricky_string() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "a",
                "e",
                "Z",
                "1",
                " ",
                "\"",
                "'",
                "\\",
                "\r",
                "\n",
                "\t",
                "\0",
                "\u{7F}",
                "\u{1B}",
                "\u{301}",
                "\u{316}",
                "\u{E9}",
                "\u{200D}",
                "\u{FE0F}",
                "\u{600}",
                "\u{70F}",
                "🇺",
                "🇸",
                "👨",
                "👩",
                "😀",
                "\u{1F3FB}",
                "\u{AC00}",
                "\u{1100}",
                "\u{1161}",
                "\u{11A8}",
                "ß",
                "Σ",
                "İ",
                "ǅ",
                "日",
                "万",
                "\u{903}",
                "\u{915}",
                "\u{94D}",
            ]);
            prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn format_double_round_trips(bits in any::<u64>()) {
                let x = f64::from_bits(bits);
                let text = format_double(x);
                if x.is_finite() {
                    // Rust's parser reads the `e+16` form as well.
                    let back: f64 = text.parse().expect("printed double parses");
                    prop_assert_eq!(back.to_bits(), x.to_bits(), "{}", text);
                    prop_assert_eq!(parse_double(&text).map(f64::to_bits), Some(bits));
                    let exponential = text.contains('e');
                    let magnitude = x.abs();
                    if magnitude > 9_007_199_254_740_992.0 {
                        prop_assert!(exponential, "{}", text);
                    }
                    if (0.0001..=9_007_199_254_740_992.0).contains(&magnitude) {
                        prop_assert!(!exponential, "{}", text);
                        prop_assert!(text.contains('.'), "{}", text);
                    }
                    if exponential {
                        let (mantissa, exponent) = text.split_once('e').unwrap_or(("", ""));
                        prop_assert!(exponent.starts_with('+') || exponent.starts_with('-'));
                        prop_assert!(exponent.len() >= 3);
                        prop_assert!(!mantissa.ends_with('.') && !mantissa.ends_with('0')
                            || mantissa.trim_start_matches('-').len() == 1);
                    }
                } else {
                    prop_assert!(text.ends_with("inf") || text.contains("nan"));
                }
                prop_assert!(text.is_ascii());
            }

            #[test]
            fn decimal_round_trip_of_arbitrary_doubles(x in any::<f64>()) {
                if x.is_finite() {
                    prop_assert_eq!(parse_double(&format!("{x:e}")), Some(x));
                    prop_assert_eq!(parse_double(&format!("{x:?}")), Some(x));
                }
            }

            #[test]
            fn hex_parse_matches_exact_binary(bits in any::<u64>()) {
                let x = f64::from_bits(bits);
                if x.is_finite() && x != 0.0 {
                    // %a-style text of x: 0x1.<52 bits>p<exp> or subnormal 0x0.<bits>p-1022.
                    let exp_bits = (bits >> 52) & 0x7FF;
                    let frac = bits & ((1u64 << 52) - 1);
                    let sign = if x < 0.0 { "-" } else { "" };
                    let text = if exp_bits == 0 {
                        format!("{sign}0x0.{frac:013x}p-1022")
                    } else {
                        format!("{sign}0x1.{frac:013x}p{}", exp_bits as i64 - 1023)
                    };
                    prop_assert_eq!(parse_double(&text).map(f64::to_bits), Some(bits), "{}", text);
                }
            }

            #[test]
            fn every_function_is_total(s in any::<String>(), radix in 0u32..40, n in any::<i64>()) {
                let _ = debug_quote(&s);
                let _ = grapheme_count(&s);
                let _ = graphemes(&s).count();
                let _ = swift_uppercased(&s);
                let _ = swift_lowercased(&s);
                let _ = parse_int(&s);
                let _ = parse_int_radix(&s, radix);
                let _ = parse_double(&s);
                let _ = format_int_radix(n, radix, radix % 2 == 0);
                let _ = hash_of(&s);
                for g in graphemes(&s) {
                    let _ = debug_quote_char(g);
                    let _ = (char_is_letter(g), char_is_number(g), char_is_whitespace(g));
                    let _ = (char_is_uppercase(g), char_is_lowercase(g), char_is_cased(g));
                    let _ = (char_is_punctuation(g), char_is_ascii(g), char_is_newline(g));
                    let _ = (char_hex_digit_value(g), char_whole_number_value(g));
                    let _ = (char_uppercased(g), char_lowercased(g), char_ascii_value(g));
                }
            }

            #[test]
            fn tricky_strings_are_handled(s in tricky_string(), t in tricky_string()) {
                let quoted = debug_quote(&s);
                prop_assert!(quoted.starts_with('"') && quoted.ends_with('"'));
                // The opening and closing quotes are graphemes of their own.
                let gs: Vec<&str> = graphemes(&quoted).collect();
                prop_assert_eq!(gs.first().copied(), Some("\""));
                prop_assert_eq!(gs.last().copied(), Some("\""));
                prop_assert_eq!(grapheme_count(&s), graphemes(&s).count());
                let eq = swift_eq(&s, &t);
                prop_assert_eq!(eq, swift_cmp(&s, &t) == Ordering::Equal);
                prop_assert_eq!(swift_cmp(&s, &t), swift_cmp(&t, &s).reverse());
                if eq {
                    prop_assert_eq!(hash_of(&s), hash_of(&t));
                }
                let nfd: String = s.nfd().collect();
                let nfc: String = s.nfc().collect();
                prop_assert!(swift_eq(&s, &nfd) && swift_eq(&nfc, &nfd));
                prop_assert_eq!(hash_of(&nfd), hash_of(&s));
                prop_assert_eq!(grapheme_count(&nfc), grapheme_count(&nfd));
            }

            #[test]
            fn int_parsing_matches_rust(s in "[+-]?[0-9a-zA-Z]{0,22}", radix in 2u32..=36) {
                prop_assert_eq!(parse_int_radix(&s, radix), i64::from_str_radix(&s, radix).ok());
                prop_assert_eq!(parse_int(&s), s.parse::<i64>().ok());
            }

            #[test]
            fn int_formatting_round_trips(n in any::<i64>(), radix in 2u32..=36, upper in any::<bool>()) {
                let text = format_int_radix(n, radix, upper);
                prop_assert_eq!(parse_int_radix(&text, radix), Some(n));
                if radix == 10 {
                    prop_assert_eq!(text, n.to_string());
                }
            }

            #[test]
            fn decimal_parsing_matches_rust(s in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,4})?") {
                let ours = parse_double(&s).map(f64::to_bits);
                let has_digit = s.bytes().take_while(|&b| b != b'e' && b != b'E').any(|b| b.is_ascii_digit());
                if has_digit {
                    prop_assert_eq!(ours, s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
                } else {
                    prop_assert_eq!(ours, None);
                }
            }
        }
    }
}

#[cfg(test)]
mod equivalence_tests {
    use super::*;

    #[test]
    fn affixes_respect_canonical_equivalence() {
        assert!(has_suffix("cafe\u{301}", "\u{E9}"));
        assert!(!has_prefix("\u{E9}", "e"));
        assert!(contains("na\u{EF}ve", "i\u{308}"));
        assert!(has_prefix("hello", "he"));
        assert!(has_suffix("", ""));
    }
}
