//! The command line outside the reader: completions, the manual page, the
//! default configuration, and errors a user can make.

use std::process::{Command, Output};

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("byline runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let out = byline(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        for word in ["extract", "completions", "print-default-config"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    assert!(!byline(&["completions", "cmd.exe"]).status.success());
}

#[test]
fn the_manual_page_is_roff_with_the_options() {
    let out = byline(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH byline 1"), "{page}");
    assert!(page.contains("print\\-default\\-config") || page.contains("print-default-config"));
}

#[test]
fn the_default_configuration_prints_and_reads_back() {
    let out = byline(&["--print-default-config"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let (_, problems) = byline::config::Config::parse(&text);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(text.contains("[keys]") && text.contains("quit = "));
}

#[test]
fn a_missing_config_file_given_by_name_is_an_error() {
    let out = byline(&["--config", "/nonexistent/byline.toml", "assets"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot read /nonexistent/byline.toml"),
        "{err}"
    );
}

#[test]
fn extract_jsonl_prints_one_article_per_line() {
    let out = byline(&["extract", "--format", "jsonl", "assets"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 6);
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object per line");
        assert!(v["people"].is_array());
    }
}

#[test]
fn tag_prints_a_tag_per_token_and_keeps_sentence_breaks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("in.conll");
    std::fs::write(
        &file,
        "# newdoc id = x\nThe\tO\nmayor\tO\n,\tO\nSadiq\tB-PER\nKhan\tI-PER\n,\tO\nsaid\tO\nso\tO\n.\tO\n\nIt\nrained\n.\n",
    )
    .expect("writes");
    let path = file.to_str().expect("utf-8 path");
    let out = byline(&["tag", "--conll", path, "--lang", "en"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 9 + 1 + 3 + 1, "{text}");
    assert_eq!(lines[3], "Sadiq\tB-PER");
    assert_eq!(lines[4], "Khan\tI-PER");
    assert_eq!(lines[9], "", "a blank line ends each sentence");
    assert!(
        lines
            .iter()
            .all(|l| l.is_empty() || l.split('\t').count() == 2)
    );

    let out = byline(&["tag", "--eval", path]);
    assert!(out.status.success());
    let report = stdout(&out);
    assert!(report.starts_with("lang en"), "{report}");
    assert!(report.contains("F1 1.0000"), "{report}");

    assert!(
        !byline(&["tag"]).status.success(),
        "needs --conll or --eval"
    );
    assert!(
        !byline(&["tag", "--conll", "/no/such/file"])
            .status
            .success()
    );
}
