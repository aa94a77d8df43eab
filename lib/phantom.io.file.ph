// .phantom.io.file: whole files and directories of the world's file
// system, all static.  These are the files WebAssembly programs see as
// "/" and `phantom fs` shows (docs/WASM.md, "Files"): they live in the
// world, so after a crash they are exactly as the program's memory
// expects.  Paths are from the root ("/notes.txt" and "notes.txt" are the
// same).  Every failure throws .phantom.IOException naming the path.
package .phantom.io;

class file
{
    // Throws for r if it is a failure code (a negative int); else returns r.
    private static .internal.object check(var r, string path)
    {
        if (r instanceof int && (int)r < 0)
            throw new .phantom.IOException(path + ": " + .internal.fs.error((int)r));
        return r;
    }

    // The whole file as a string.
    static string read(string path)
    {
        return (string)check(.internal.fs.read(path), path);
    }

    // Makes the file, or replaces what it holds, with text.
    static void write(string path, string text)
    {
        check(.internal.fs.write(path, text), path);
    }

    // Adds text at the end of the file (made if missing).
    static void append(string path, string text)
    {
        check(.internal.fs.append(path, text), path);
    }

    // The names in a directory in byte order; a directory's end in "/".
    static string[] list(string path)
    {
        return (string[])check(.internal.fs.list(path), path);
    }

    // Makes a directory (its parent must exist).
    static void mkdir(string path)
    {
        check(.internal.fs.mkdir(path), path);
    }

    // Removes a file or an empty directory.
    static void remove(string path)
    {
        check(.internal.fs.remove(path), path);
    }

    // Whether there is a file or directory at path.
    static bool exists(string path)
    {
        return (int).internal.fs.kind(path) > 0;
    }

    // Whether path is a directory.
    static bool isDirectory(string path)
    {
        return (int).internal.fs.kind(path) == 2;
    }
};
