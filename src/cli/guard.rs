//! A guard for a whole kind of bug: an option that is parsed and never read (a flag that
//! does nothing passed review once). It walks the clap tree and, for every argument of every
//! subcommand, looks for a read of its field in the code of that subcommand's module: a use
//! of the name that is not its declaration (`name: Type`), outside comments and strings.
//! Reading is not proof of doing what the help says — tests of each option do that — but an
//! option no code reads cannot do anything, and this catches it for every future option.

use std::path::Path;

/// The source files that implement the subcommand at `path` (e.g. `["config", "set"]`): its
/// top-level command's module. Global options are read across the CLI's modules.
fn module_of(top: &str) -> &str {
    match top {
        "unwatch" => "watch",
        "undepend" => "depend",
        "close" | "reopen" => "state",
        "dispatch" => "transfer",
        other => other,
    }
}

/// The code of `text` without comments, string literals and character literals (their
/// contents replaced by spaces), so that only code is searched.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            continue;
        }
        // 'x' and '\n' (not lifetimes such as 'a, which have no closing quote).
        if c == '\'' {
            let end = if chars.get(i + 1) == Some(&'\\') {
                3
            } else {
                2
            };
            if chars.get(i + end) == Some(&'\'') {
                out.push(' ');
                i += end + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether `code` reads the field `name`: an occurrence of the word that is not followed by a
/// single `:` (a declaration `name: Type`, or a field set in a struct literal).
fn reads(code: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(at) = code[from..].find(name) {
        let start = from + at;
        let end = start + name.len();
        from = end;
        let before = code[..start].chars().next_back();
        let after = code[end..].chars().next();
        if before.is_some_and(is_word) || after.is_some_and(is_word) {
            continue;
        }
        let rest = code[end..].trim_start();
        if rest.starts_with(':') && !rest.starts_with("::") {
            continue;
        }
        return true;
    }
    false
}

/// Every argument of `cmd`'s subcommands (recursively) whose field `code_of(top command)` never
/// reads, as `"list --contested"`. `global` is the code where global options are read.
fn unread(cmd: &clap::Command, code_of: &dyn Fn(&str) -> String, global: &str) -> Vec<String> {
    fn walk(
        cmd: &clap::Command,
        path: &mut Vec<String>,
        code_of: &dyn Fn(&str) -> String,
        global: &str,
        out: &mut Vec<String>,
    ) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            let code = if arg.is_global_set() {
                global.to_owned()
            } else {
                match path.first() {
                    Some(top) => code_of(top),
                    None => global.to_owned(),
                }
            };
            if !reads(&code, id) {
                let flag = arg
                    .get_long()
                    .map_or_else(|| id.to_uppercase(), |l| format!("--{l}"));
                out.push(format!("{} {flag}", path.join(" ")).trim().to_owned());
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_owned());
            walk(sub, path, code_of, global, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(cmd, &mut Vec::new(), code_of, global, &mut out);
    // A global option appears under every subcommand: report it once.
    out.dedup();
    out
}

fn read_code(file: &Path) -> String {
    code_only(&std::fs::read_to_string(file).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every option of `git tracker` is read by the code of its subcommand.
    #[test]
    fn every_argument_is_read_by_its_command() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
        let code_of = |top: &str| read_code(&dir.join(format!("{}.rs", module_of(top))));
        let global: String = ["mod.rs", "context.rs", "ui.rs"]
            .iter()
            .map(|f| read_code(&dir.join(f)))
            .collect();
        let cmd = crate::cli::command();
        for sub in cmd.get_subcommands() {
            let file = dir.join(format!("{}.rs", module_of(sub.get_name())));
            assert!(
                file.exists(),
                "no module {} for `{}`",
                file.display(),
                sub.get_name()
            );
        }
        let unread = unread(&cmd, &code_of, &global);
        assert!(unread.is_empty(), "options that no code reads: {unread:?}");
    }

    /// The guard itself: a flag that nothing reads is caught; comments, strings and its
    /// declaration do not count as reads.
    #[test]
    fn the_guard_catches_an_unused_flag() {
        let source = r#"
            /// Help for --unused: unused is documented here.
            pub struct XArgs {
                /// Reads nothing
                #[arg(long, conflicts_with = "unused")]
                pub used: bool,
                pub unused: bool,
                pub kept: Option<String>,
            }
            fn run(a: &XArgs) -> bool {
                let s = "a.unused";
                let _k = XArgs { unused: true, used: false, kept: None };
                match a { XArgs { kept, .. } => kept.is_some() || a.used }
            }
        "#;
        let cmd = clap::Command::new("git-tracker").subcommand(
            clap::Command::new("x")
                .arg(clap::Arg::new("used").long("used"))
                .arg(clap::Arg::new("unused").long("unused"))
                .arg(clap::Arg::new("kept")),
        );
        let code = code_only(source);
        let found = unread(&cmd, &|_| code.clone(), "");
        assert_eq!(found, ["x --unused"]);
        // Once read, it passes.
        let fixed = code_only(&format!(
            "{source} fn more(a: &XArgs) -> bool {{ a.unused }}"
        ));
        assert!(unread(&cmd, &|_| fixed.clone(), "").is_empty());
    }

    #[test]
    fn code_only_drops_comments_strings_and_chars() {
        assert_eq!(
            code_only("a // b\n\"c\\\"d\" 'e' '\\n' f<'a>"),
            "a \n      f<'a>"
        );
    }
}
