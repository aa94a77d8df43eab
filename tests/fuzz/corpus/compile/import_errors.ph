// Imports of classes that do not exist, and import "file" of a missing file.
package .app;

import .app.missing;
import .internal.nothing;

class import_errors
{
    static string data = import "no-such-file.txt";

    static void main() { println(data); }
};
