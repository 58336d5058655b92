package org.lps.homotopy.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lps.homotopy.parse.Token.Kind;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.PolynomialSystem.VariableGroup;

/**
 * Bertini 1.x input files: an optional {@code CONFIG ... END;} block of {@code Name: value;} settings, then
 * {@code INPUT ... END;} with declarations ({@code variable_group}, {@code hom_variable_group},
 * {@code function}, {@code constant}, {@code random}, {@code random_real}, {@code subfunction}) and
 * assignments. An assigned name that was not declared is a subfunction. {@code I} is the imaginary unit,
 * {@code Pi} is pi, and {@code sin cos tan exp} may be applied to constants. {@code %} starts a comment.
 *
 * <p>{@code parameter a, b;} declares parameters: they become variables outside every variable group, which
 * {@code ParameterizedSystem.declaredParameters} recognizes (their values come from {@code lps solve --at}; Bertini's
 * own use, assigning them functions of a path variable, is refused). User-defined homotopies ({@code variable},
 * {@code pathvariable}) are refused with a clear message: this reader builds the target system of a solve.
 */
final class BertiniReader {

    private enum Role { VARIABLE, PARAMETER, FUNCTION, CONSTANT, SUBFUNCTION }

    private final Lexer lx;
    private final SplittableRandom random;
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, Token> declaredAt = new HashMap<>();
    private final Map<String, Polynomial> values = new HashMap<>();
    private final List<String> variables = new ArrayList<>();
    private final List<VariableGroup> groups = new ArrayList<>();
    private final Map<String, Polynomial> functions = new LinkedHashMap<>();

    private BertiniReader(String source, String text, long seed) {
        this.lx = new Lexer(source, text, "%", false);
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param seed seeds the values of {@code random} and {@code random_real} constants, so a file reads the
     *             same way every time
     */
    static PolynomialSystem read(String source, String text, long seed) {
        return new BertiniReader(source, text, seed).read();
    }

    private PolynomialSystem read() {
        Token t = lx.peek();
        if (isWord(t, "CONFIG")) {
            lx.next();
            readConfig();
            t = lx.peek();
        }
        boolean inputBlock = isWord(t, "INPUT");
        if (inputBlock) {
            lx.next();
        }
        ExpressionParser parser = new ExpressionParser(lx, this::resolve, true);
        while (true) {
            t = lx.next();
            if (t.is(Kind.EOF)) {
                if (inputBlock) {
                    throw lx.error(t, "the INPUT section is not closed by 'END;'");
                }
                break;
            }
            if (inputBlock && isWord(t, "END")) {
                expect(Kind.SEMI, "';' after END");
                break;
            }
            if (!t.is(Kind.IDENT)) {
                throw lx.error(t, "expected a declaration or an assignment, found " + t.describe());
            }
            if (lx.peek().is(Kind.EQUALS)) {
                lx.next();
                assign(t, parser.expression());
                expect(Kind.SEMI, "';' ending the assignment to " + t.text());
            } else {
                declare(t);
            }
        }
        return build();
    }

    /**
     * Reads the CONFIG block for its syntax only: Bertini's tracking settings do not map onto this solver's
     * presets, so they are checked and then set aside rather than half-honoured.
     */
    private void readConfig() {
        while (true) {
            Token name = lx.next();
            if (isWord(name, "END")) {
                expect(Kind.SEMI, "';' after END");
                return;
            }
            if (!name.is(Kind.IDENT)) {
                throw lx.error(name, "expected a setting 'Name: value;' or END, found " + name.describe());
            }
            expect(Kind.COLON, "':' after the setting name " + name.text());
            Token v = lx.next();
            while (!v.is(Kind.SEMI)) {
                if (v.is(Kind.EOF)) {
                    throw lx.error(v, "the CONFIG section is not closed by 'END;'");
                }
                v = lx.next();
            }
        }
    }

    private void declare(Token keyword) {
        String k = keyword.text();
        switch (k) {
            case "variable_group", "hom_variable_group" -> {
                List<Integer> members = new ArrayList<>();
                for (Token n : names(keyword)) {
                    define(n, Role.VARIABLE);
                    members.add(variables.size());
                    values.put(n.text(), Polynomial.variable(variables.size()));
                    variables.add(n.text());
                }
                groups.add(new VariableGroup(members, k.startsWith("hom")));
            }
            case "function" -> {
                for (Token n : names(keyword)) {
                    define(n, Role.FUNCTION);
                    functions.put(n.text(), null);
                }
            }
            case "constant" -> {
                for (Token n : names(keyword)) {
                    define(n, Role.CONSTANT);
                }
            }
            case "subfunction" -> {
                for (Token n : names(keyword)) {
                    define(n, Role.SUBFUNCTION);
                }
            }
            case "random", "random_real" -> {
                for (Token n : names(keyword)) {
                    define(n, Role.CONSTANT);
                    values.put(n.text(), k.equals("random") ? randomComplex() : Polynomial.constant(
                            random.nextDouble(-1.0, 1.0)));
                }
            }
            case "parameter" -> {
                // a parameter is a variable outside every variable group: its values come from the command line
                // (lps solve --at), see ParameterizedSystem.declaredParameters
                for (Token n : names(keyword)) {
                    define(n, Role.PARAMETER);
                    values.put(n.text(), Polynomial.variable(variables.size()));
                    variables.add(n.text());
                }
            }
            case "variable", "pathvariable" -> throw lx.error(keyword, "'" + k
                    + "' declares a user-defined homotopy, which is not supported; declare the unknowns with"
                    + " variable_group and let the solver build the homotopy");
            default -> throw lx.error(keyword, "unknown declaration '" + k + "' (expected variable_group,"
                    + " hom_variable_group, function, constant, subfunction, random or random_real),"
                    + " or '=' for an assignment");
        }
    }

    private Polynomial randomComplex() {
        double angle = random.nextDouble(0, 2 * Math.PI);
        return Polynomial.constant(Math.cos(angle), Math.sin(angle));
    }

    private List<Token> names(Token keyword) {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token n = lx.next();
            if (!n.is(Kind.IDENT)) {
                throw lx.error(n, "expected a name in the " + keyword.text() + " declaration, found " + n.describe());
            }
            out.add(n);
            Token sep = lx.next();
            if (sep.is(Kind.SEMI)) {
                return out;
            }
            if (!sep.is(Kind.COMMA)) {
                throw lx.error(sep, "expected ',' or ';' in the " + keyword.text() + " declaration, found "
                        + sep.describe());
            }
        }
    }

    private void define(Token name, Role role) {
        String n = name.text();
        if (n.equals("I") || n.equals("Pi")) {
            throw lx.error(name, "'" + n + "' is reserved (" + (n.equals("I") ? "the imaginary unit" : "pi") + ")");
        }
        Token before = declaredAt.get(n);
        if (before != null) {
            throw lx.error(name, "'" + n + "' is already declared at line " + before.line() + ", column "
                    + before.column());
        }
        roles.put(n, role);
        declaredAt.put(n, name);
    }

    private void assign(Token name, Polynomial value) {
        String n = name.text();
        Role role = roles.get(n);
        if (role == null) {
            // Bertini: an assigned name that was never declared is a subfunction
            define(name, Role.SUBFUNCTION);
            role = Role.SUBFUNCTION;
        }
        switch (role) {
            case VARIABLE -> throw lx.error(name, "cannot assign to the variable " + n);
            case PARAMETER -> throw lx.error(name, "cannot assign to the parameter " + n
                    + ": its values are given with lps solve --at");
            case FUNCTION -> {
                if (functions.get(n) != null) {
                    throw lx.error(name, "function " + n + " is defined twice");
                }
                functions.put(n, value);
            }
            case CONSTANT -> {
                if (!value.isConstant()) {
                    throw lx.error(name, "constant " + n + " is assigned an expression with variables");
                }
                values.put(n, value);
            }
            case SUBFUNCTION -> values.put(n, value);
        }
    }

    private Polynomial resolve(Token name) {
        String n = name.text();
        if (n.equals("I")) {
            return Polynomial.constant(0.0, 1.0);
        }
        if (n.equals("Pi")) {
            return Polynomial.constant(Math.PI);
        }
        Polynomial v = values.get(n);
        if (v != null) {
            return v;
        }
        Role role = roles.get(n);
        if (role == Role.FUNCTION) {
            throw lx.error(name, "function " + n + " cannot be used inside an expression; use a subfunction");
        }
        if (role != null) {
            throw lx.error(name, n + " is used before it is assigned a value");
        }
        throw lx.error(name, "'" + n + "' is not declared");
    }

    private PolynomialSystem build() {
        Token end = lx.peek();
        if (groups.isEmpty()) {
            throw lx.error(end, "no variables declared (use variable_group or hom_variable_group)");
        }
        if (functions.isEmpty()) {
            throw lx.error(end, "no functions declared (use 'function f1, f2;')");
        }
        List<Polynomial> eqs = new ArrayList<>();
        for (Map.Entry<String, Polynomial> f : functions.entrySet()) {
            if (f.getValue() == null) {
                Token at = declaredAt.get(f.getKey());
                throw lx.error(at, "function " + f.getKey() + " is declared but never defined");
            }
            eqs.add(f.getValue());
        }
        for (VariableGroup g : groups) {
            if (g.homogeneous()) {
                checkHomogeneous(g, eqs);
            }
        }
        return new PolynomialSystem(variables, eqs, groups);
    }

    private void checkHomogeneous(VariableGroup g, List<Polynomial> eqs) {
        int[] vars = g.variables().stream().mapToInt(Integer::intValue).toArray();
        List<String> fnames = new ArrayList<>(functions.keySet());
        for (int i = 0; i < eqs.size(); i++) {
            Polynomial p = eqs.get(i);
            int d = -1;
            for (int t = 0; t < p.termCount(); t++) {
                int s = 0;
                for (int v : vars) {
                    s += p.exponent(t, v);
                }
                if (d >= 0 && s != d) {
                    Token at = declaredAt.get(fnames.get(i));
                    throw lx.error(at, "function " + fnames.get(i) + " is not homogeneous in the hom_variable_group "
                            + g.variables().stream().map(variables::get).toList());
                }
                d = s;
            }
        }
    }

    private Token expect(Kind k, String what) {
        Token t = lx.next();
        if (!t.is(k)) {
            throw lx.error(t, "expected " + what + ", found " + t.describe());
        }
        return t;
    }

    private static boolean isWord(Token t, String w) {
        return t.is(Kind.IDENT) && t.text().equals(w);
    }
}
