import Mustache

/// A formatted value as the templates see it, rendered as it is.
///
/// For a plain `String` among the template values, the renderer tries several protocol casts
/// per `{{name}}` (a template? a custom renderable? an optional?) before it falls back to
/// `String(describing:)`, and looks names up in it through `Mirror` when it is a section's
/// object; this type answers the first question it is asked. As a section's object it has no
/// children, like a `String`, so names inside the section are found further out as before and
/// the text comes out byte for byte the same.
struct TemplateText: MustacheCustomRenderable, MustacheParent, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
}
