//! Carepath's command-line program for clinical review and QA.
//!
//! `carepath assess FILE [--center CENTER.json]` prints the result JSON;
//! `carepath rules` prints the decision table; `carepath questions` lists
//! the question bank; `carepath decode CODE` and `carepath code FILE` read
//! and make reference codes; `carepath shell` prints the loader's first
//! screens.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};
    use std::path::PathBuf;
    use std::process::ExitCode;

    use carepath::assessment::{
        assess, assess_with, decode_code, encode_code, questions_markdown, rules_differ,
        rules_markdown, version, Answers, Center, Version, CURRENT,
    };
    use carepath::i18n::{code_number, language_of, LANGUAGE_IDS};
    use clap::{Parser, Subcommand};

    #[derive(Parser)]
    #[command(
        name = "carepath",
        version,
        about = "Carepath assessment engine: clinical review and QA"
    )]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Assess answers (the contract's JSON) and print the result JSON.
        Assess {
            /// The answers file, or `-` for standard input.
            file: PathBuf,
            /// The center's description (offers, schedules), as JSON.
            #[arg(long, value_name = "CENTER.json")]
            center: Option<PathBuf>,
        },
        /// Print the whole decision table as Markdown.
        Rules {
            /// A released contract version (default: the current one).
            #[arg(long = "version", value_name = "N")]
            contract: Option<u32>,
        },
        /// List the question bank as Markdown.
        Questions {
            /// A released contract version (default: the current one).
            #[arg(long = "version", value_name = "N")]
            contract: Option<u32>,
        },
        /// Decode a visitor's reference code with its own contract version:
        /// one JSON object with `answers`, `seen` (the result that version
        /// gave) and, when today's rules give another estimate, `today` and
        /// `rules_differ`; or say why it does not read.
        Decode {
            /// The code, e.g. 3K7Q-M2XD-9P0A-4T (any case; spaces and hyphens ignored).
            code: Vec<String>,
            /// The center's description (offers, schedules), as JSON.
            #[arg(long, value_name = "CENTER.json")]
            center: Option<PathBuf>,
        },
        /// Print the reference code a visitor with these answers (the
        /// contract's JSON) is shown, e.g. to try the staff page.
        Code {
            /// The answers file, or `-` for standard input.
            file: PathBuf,
            /// The language the visitor used (its id, e.g. `es`).
            #[arg(long, value_name = "ID", default_value = "en")]
            lang: String,
        },
        /// Print the embed loader's first screens and their transitions
        /// as JSON (embed/build.mjs builds them into the loader).
        Shell,
        /// Print test vectors for what the loader computes before the wasm
        /// (locale choice, phone check, privacy sentences, storage key),
        /// each case with the answer the widget's Rust gives.
        Vectors,
        /// Print the element's schema (attributes, methods, events) as
        /// JSON: the source of the types, the manifest and the README's table.
        Schema {
            /// Print the README's table of every option instead (Markdown).
            #[arg(long)]
            readme: bool,
        },
        /// Print a language's review sheet (Markdown): every key with the
        /// English, the translation and its blind back-translation, the
        /// translator's notes and a sign-off block, for a qualified human
        /// translator. LANG is a language of the widget (`es`, `zh-Hans`,
        /// `zh-Hant`, `vi`, `ko`, `tl`, `ar`); the back-translation and
        /// notes are in locales/review/.
        Translations {
            lang: String,
            /// The locales folder (its review/ inside it).
            #[arg(long, value_name = "DIR", default_value = "locales")]
            locales: PathBuf,
        },
        /// Print <carepath-assessment> for these attributes with its first
        /// screen declared in the HTML (the emergency bar and the start
        /// screen, shown before any script runs), e.g.
        /// `carepath html --center-name "Riverside" --phone +1-555-010-0199`.
        /// Every attribute of the schema is an option (`--locale`,
        /// `--files` and the flags too: a flag with no value is on).
        Html {
            /// The page's `lang`, which `locale="auto"` follows (a server
            /// cannot know the browser's languages).
            #[arg(long, value_name = "LANG", default_value = "en")]
            page_lang: String,
            /// Print every language's template and placeholders as JSON
            /// instead (declared.json, for the npm and PHP fillers).
            #[arg(long)]
            templates: bool,
            /// `--ATTRIBUTE VALUE` pairs.
            #[arg(
                trailing_var_arg = true,
                allow_hyphen_values = true,
                value_name = "--ATTRIBUTE VALUE"
            )]
            attributes: Vec<String>,
        },
    }

    fn run_translations(lang: &str, dir: &std::path::Path) -> ExitCode {
        use carepath::i18n::review::{sheet, Status};
        type Words = serde_json::Map<String, serde_json::Value>;
        let read = |path: std::path::PathBuf| -> Option<Words> {
            let text = std::fs::read_to_string(path).ok()?;
            serde_json::from_str(&text).ok()
        };
        let Some(english) = read(dir.join("en.json")) else {
            eprintln!(
                "carepath translations: no {}/en.json (run it from the repository, or give --locales)",
                dir.display()
            );
            return ExitCode::from(UNREADABLE);
        };
        let review = dir.join("review");
        let found = (lang != "en")
            .then(|| read(dir.join(format!("{lang}.json"))))
            .flatten()
            .map(|t| {
                let on = carepath::i18n::language(lang).is_some_and(|l| l.on);
                (t, if on { Status::On } else { Status::Off })
            });
        let Some((translation, status)) = found else {
            eprintln!(
                "carepath translations: no language {lang:?}; there are: {}",
                LANGUAGE_IDS
                    .iter()
                    .filter(|l| **l != "en")
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return ExitCode::from(INVALID);
        };
        let back = read(review.join(format!("{lang}.back.json")));
        let notes = std::fs::read_to_string(review.join(format!("{lang}.notes.md"))).ok();
        let text = sheet(
            lang,
            status,
            &english,
            &translation,
            back.as_ref(),
            notes.as_deref(),
        );
        // A long sheet is often piped to `less` or `head`: a closed pipe is no error.
        let _ = std::io::stdout().write_all(text.as_bytes());
        ExitCode::SUCCESS
    }

    /// `--name value` pairs (a flag's value may be left out), each name an
    /// attribute of the schema, or `id`.
    fn attribute_pairs(args: &[String]) -> Result<Vec<(String, String)>, String> {
        let names = carepath::host_config::schema::names();
        let mut pairs = Vec::new();
        let mut at = 0;
        while at < args.len() {
            let Some(name) = args[at].strip_prefix("--") else {
                return Err(format!("expected --ATTRIBUTE, found {:?}", args[at]));
            };
            // `id` too: remember keeps a place by it.
            if !names.contains(&name) && name != "id" {
                return Err(format!(
                    "--{name} is not an attribute of <carepath-assessment>; the attributes are: {}",
                    names.join(", ")
                ));
            }
            let value = args.get(at + 1).filter(|v| !v.starts_with("--"));
            at += 1 + usize::from(value.is_some());
            pairs.push((name.to_string(), value.cloned().unwrap_or_default()));
        }
        Ok(pairs)
    }

    /// Exit code for invalid input (answers or center).
    const INVALID: u8 = 2;
    /// Exit code for a file that cannot be read.
    const UNREADABLE: u8 = 1;

    fn read_input(path: &PathBuf) -> Result<String, String> {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(text)
        } else {
            std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        }
    }

    /// The `--center` file, if any; on failure, the message is printed and
    /// the exit code returned.
    fn read_center(center: Option<&PathBuf>) -> Result<Option<Center>, ExitCode> {
        match center.map(|p| read_input(p).map(|t| Center::from_json(&t))) {
            None => Ok(None),
            Some(Ok(Ok(c))) => Ok(Some(c)),
            Some(Err(e)) => {
                eprintln!("carepath: {e}");
                Err(ExitCode::from(UNREADABLE))
            }
            Some(Ok(Err(e))) => {
                eprintln!("carepath: {e}");
                Err(ExitCode::from(INVALID))
            }
        }
    }

    /// The answers file, read and checked; on failure, every problem is
    /// printed (each naming the question and the allowed values) and the
    /// exit code returned.
    fn read_answers(file: &PathBuf) -> Result<Answers, ExitCode> {
        let text = read_input(file).map_err(|e| {
            eprintln!("carepath: {e}");
            ExitCode::from(UNREADABLE)
        })?;
        Answers::from_json(&text).map_err(|errors| {
            for e in &errors.0 {
                eprintln!("carepath: invalid answers: {e}");
            }
            ExitCode::from(INVALID)
        })
    }

    fn run_assess(file: &PathBuf, center: Option<&PathBuf>) -> ExitCode {
        let center = match read_center(center) {
            Ok(c) => c,
            Err(code) => return code,
        };
        let answers = match read_answers(file) {
            Ok(a) => a,
            Err(code) => return code,
        };
        match assess(&answers, center.as_ref()) {
            Ok(result) => {
                println!("{}", result.to_json());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("carepath: invalid answers: {e}");
                ExitCode::from(INVALID)
            }
        }
    }

    fn run_decode(code: &str, center: Option<&PathBuf>) -> ExitCode {
        let decoded = match decode_code(code) {
            Ok(d) => d,
            Err(e) => {
                // Never read with another version's bank: nothing on stdout.
                eprintln!("carepath: {e}");
                return ExitCode::from(INVALID);
            }
        };
        let center = match read_center(center) {
            Ok(c) => c,
            Err(code) => return code,
        };
        let answers = &decoded.answers;
        let (seen, today) = match (
            assess_with(answers, center.as_ref(), decoded.version),
            assess(answers, center.as_ref()),
        ) {
            (Ok(seen), Ok(today)) => (seen, today),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("carepath: {e}");
                return ExitCode::from(INVALID);
            }
        };
        if decoded.version != CURRENT {
            eprintln!(
                "carepath: a contract v{} code, read with v{}'s questions and rules",
                decoded.version.number, decoded.version.number
            );
        }
        // One JSON object, in this order: answers, seen, then today and
        // rules_differ only when today's estimate differs.
        let mut out = format!(
            "{{\n\"answers\": {},\n\"seen\": {}",
            answers.to_json_value(),
            seen.to_json()
        );
        if !today.same_estimate(&seen) {
            let differ = rules_differ(answers, decoded.version, CURRENT);
            out.push_str(&format!(
                ",\n\"today\": {},\n\"rules_differ\": {}",
                today.to_json(),
                serde_json::to_string(&differ).unwrap_or_default()
            ));
        }
        let language = decoded.language.and_then(language_of);
        out.push_str(&format!(
            ",\n\"version\": {},\n\"language\": {}\n}}",
            decoded.version.number,
            serde_json::to_string(&language).unwrap_or_default()
        ));
        println!("{out}");
        ExitCode::SUCCESS
    }

    fn run_code(file: &PathBuf, lang: &str) -> ExitCode {
        if !LANGUAGE_IDS.contains(&lang) {
            eprintln!(
                "carepath: --lang \"{lang}\" is not a language id; allowed: {}",
                LANGUAGE_IDS.join(", ")
            );
            return ExitCode::from(INVALID);
        }
        let answers = match read_answers(file) {
            Ok(a) => a,
            Err(code) => return code,
        };
        match encode_code(&answers, code_number(lang)) {
            Some(code) => {
                println!("{code}");
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("carepath: invalid answers: danger_now has no answer; a code needs it");
                ExitCode::from(INVALID)
            }
        }
    }

    /// A released version by number (the current one by default).
    fn released(number: Option<u32>) -> Result<&'static Version, ExitCode> {
        match number {
            None => Ok(CURRENT),
            Some(n) => version(n).ok_or_else(|| {
                eprintln!(
                    "carepath: contract version {n} was never released; released: {}",
                    carepath::assessment::released()
                        .map(|v| v.number.to_string())
                        .join(", ")
                );
                ExitCode::from(INVALID)
            }),
        }
    }

    pub fn main() -> ExitCode {
        match Cli::parse().command {
            Command::Assess { file, center } => run_assess(&file, center.as_ref()),
            Command::Rules { contract } => match released(contract) {
                Ok(v) => {
                    print!("{}", rules_markdown(v));
                    // The crisis routes the widget offers today (not part
                    // of a released contract's table, which stays as it was).
                    if v.number == carepath::assessment::CURRENT.number {
                        print!("{}", carepath::screens::crisis_lines::markdown());
                    }
                    ExitCode::SUCCESS
                }
                Err(code) => code,
            },
            Command::Questions { contract } => match released(contract) {
                Ok(v) => {
                    print!("{}", questions_markdown(v));
                    ExitCode::SUCCESS
                }
                Err(code) => code,
            },
            Command::Decode { code, center } => run_decode(&code.join(" "), center.as_ref()),
            Command::Code { file, lang } => run_code(&file, &lang),
            Command::Shell => {
                println!("{}", carepath::screens::shell::data());
                ExitCode::SUCCESS
            }
            Command::Vectors => {
                let vectors = carepath::screens::shell::vectors();
                println!(
                    "{}",
                    serde_json::to_string_pretty(&vectors).unwrap_or_default()
                );
                ExitCode::SUCCESS
            }
            Command::Schema { readme: true } => {
                print!("{}", carepath::host_config::schema::readme_table());
                ExitCode::SUCCESS
            }
            Command::Translations { lang, locales } => run_translations(&lang, &locales),
            Command::Html {
                templates: true, ..
            } => {
                let all = carepath::screens::declared::templates();
                println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
                ExitCode::SUCCESS
            }
            Command::Html {
                page_lang,
                attributes,
                ..
            } => match attribute_pairs(&attributes) {
                Ok(pairs) => {
                    println!(
                        "{}",
                        carepath::screens::declared::element(&pairs, &page_lang)
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("carepath html: {e}");
                    ExitCode::from(INVALID)
                }
            },
            Command::Schema { readme: false } => {
                let schema = carepath::host_config::schema::json();
                println!(
                    "{}",
                    serde_json::to_string_pretty(&schema).unwrap_or_default()
                );
                ExitCode::SUCCESS
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
