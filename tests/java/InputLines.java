// Standard input (InputLines.in) a line at a time with a BufferedReader,
// as programs that filter text read it; System.in.read for single
// characters.
import java.io.*;
import java.util.*;

public class InputLines {
    public static void main(String[] args) throws IOException {
        int first = System.in.read();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        Map<String, Integer> counts = new TreeMap<>();
        String line;
        int lines = 0;
        while ((line = in.readLine()) != null) {
            lines++;
            for (String w : line.trim().split("\\W+"))
                if (!w.isEmpty()) counts.merge(w.toLowerCase(), 1, Integer::sum);
        }
        System.out.println((char) first + " " + lines + " lines " + counts);
        System.out.println(in.readLine() + " " + System.in.read());
    }
}
