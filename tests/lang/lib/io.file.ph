// .phantom.io.file: whole files and directories of the world's file system.
import .phantom.io.file;
class io_file {
  static void main() {
    file.write("/notes.txt", "one\n");
    file.append("notes.txt", "two\n");
    print(file.read("/notes.txt"));
    file.mkdir("/d");
    file.write("/d/a", "x");
    println(file.list("/"));
    println(file.exists("/d") + " " + file.isDirectory("/d") + " " + file.exists("/nope") + " " + file.isDirectory("/notes.txt"));
    try { file.read("/nope"); } catch (.phantom.IOException e) { println(e.getMessage()); }
    try { file.remove("/d"); } catch (.phantom.IOException e) { println(e.getMessage()); }
    try { file.mkdir("/notes.txt/x"); } catch (.phantom.IOException e) { println(e.getMessage()); }
    file.remove("/d/a"); file.remove("/d");
    println(file.list("/"));
  }
};
