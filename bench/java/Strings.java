// bench/java: string building and taking apart: lines made with a
// StringBuilder and String.valueOf, split on a regular expression, parsed
// back with Integer.parseInt, joined, searched with indexOf, hashed.
public class Strings {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        long sum = 0, hash = 0;
        int found = 0;
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                if (k > 0) sb.append(k % 2 == 0 ? ", " : ";");
                sb.append(i * 31 + k * 7);
            }
            String line = sb.toString();
            String[] parts = line.split("[,;] ?");
            for (String p : parts) sum += Integer.parseInt(p);
            String joined = String.join("-", parts);
            if (joined.indexOf(String.valueOf(i % 97)) >= 0) found++;
            hash = hash * 31 + joined.hashCode();
        }
        System.out.println(sum + " " + found + " " + hash);
    }
}
