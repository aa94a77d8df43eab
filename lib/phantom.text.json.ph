// .phantom.text.json: values to JSON text and back (RFC 8259).  Objects
// are directories, arrays arrays; the text toJson writes, parse reads back
// as an equal value.
package .phantom.text;

class json
{
    // The JSON text of v, on one line: null, bools, numbers (ints and
    // longs in decimal, doubles in their shortest form), chars and
    // strings (as JSON strings), arrays and directories (keys in byte
    // order) of these.  ArgumentException for NaN, infinities and other
    // objects (`toJson: .demo.item (only null, ...) has no JSON form`).
    static string toJson(var v)
    {
        return .internal.json.toJson(v);
    }

    // The same laid out on several lines, indent spaces a level (0 to 16).
    static string toJson(var v, int indent)
    {
        return .internal.json.toJson(v, indent);
    }

    // The value the JSON text describes (as string.parseJson()):
    // ArgumentException `parseJson: offset 7: expected ',' or '}'`.
    static .internal.object parse(string text)
    {
        return .internal.json.parse(text);
    }
};
