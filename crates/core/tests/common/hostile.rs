//! The hostile inputs of the robustness suite and of the `hostile` benchmark (shared with
//! `#[path]`): every one must end in a clear diagnostic, in bounded time and memory.

/// A valid example of each syntax, to damage.
const YAML: &str = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n";
const JSON: &str = "{\"Version\": \"2012-10-17\", \"Statement\": []}\n";

/// The hostile inputs, by name: `(name, bytes)`.
pub fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    let alias_bomb = {
        let mut t = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = "a".to_string();
        for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            t.push_str(&format!("{n}: &{n} [{refs}]\n"));
            prev = n.to_string();
        }
        t
    };
    let deep_yaml = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_yaml_maps = format!("x: {}{}", "{a: ".repeat(100_000), "}".repeat(100_000));
    let deep_json = format!("{}{}", "{\"a\": [".repeat(50_000), "]}".repeat(50_000));
    let twenty_mb = "key: value\n".repeat(20 * 1024 * 1024 / 11 + 1);
    let mut invalid_utf8 = YAML.as_bytes().to_vec();
    invalid_utf8.splice(20..20, [0xFF, 0xFE, 0xC3]);
    let nul = YAML.replace("make", "ma\0ke");
    let controls = YAML.replace("make", "ma\u{1}\u{1b}[0m\u{7f}ke");
    let json_controls = JSON.replace("2012-10-17", "2012\u{1}-10\u{0}-17");
    let long_line = format!("version: 0.2\nx: '{}'\n", "a".repeat(1_500_000));
    let long_key = format!("{}: 1\n", "k".repeat(1_000_000));
    let long_json_key = format!("{{\"{}\": 1}}", "k".repeat(1_000_000));
    let huge_numbers = format!(
        "version: {}\nphases: {{build: {{commands: [1e999999, {}]}}}}\n",
        "9".repeat(400),
        "1".repeat(10_000)
    );
    let huge_json_numbers = format!(
        "{{\"Version\": 1e999999, \"Statement\": [{}], \"n\": -{}}}",
        "9".repeat(10_000),
        "1".repeat(10_000)
    );
    let binary: Vec<u8> = (0..64 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    vec![
        ("alias-bomb", alias_bomb.into_bytes()),
        ("deep-yaml-sequences", deep_yaml.into_bytes()),
        ("deep-yaml-mappings", deep_yaml_maps.into_bytes()),
        ("deep-json", deep_json.into_bytes()),
        ("20-mb", twenty_mb.into_bytes()),
        ("invalid-utf8", invalid_utf8),
        ("nul", nul.into_bytes()),
        ("control-characters", controls.into_bytes()),
        ("json-control-characters", json_controls.into_bytes()),
        ("long-line", long_line.into_bytes()),
        ("long-key", long_key.into_bytes()),
        ("long-json-key", long_json_key.into_bytes()),
        ("huge-numbers", huge_numbers.into_bytes()),
        ("huge-json-numbers", huge_json_numbers.into_bytes()),
        ("binary", binary),
        ("empty", Vec::new()),
        (
            "only-comments",
            b"# nothing here\n# but comments\n".to_vec(),
        ),
        ("only-whitespace", b"  \n\t\n\r\n".to_vec()),
    ]
}
