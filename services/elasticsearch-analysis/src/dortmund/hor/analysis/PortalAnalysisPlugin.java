/*
 * Text analysis for the portal's Elasticsearch test and development node.
 *
 * Maven Central serves Elasticsearch only as the `integ-test-zip` distribution, which leaves out the
 * `analysis-common` module (language analysers, ASCII folding, n-grams, decompounders). This plugin
 * registers the handful of analysis components the portal's index settings use, under the names and
 * parameters Elasticsearch documents, each one a thin wrapper around the Lucene class that
 * `analysis-common` itself wraps (Lucene's analysis-common jar ships inside the distribution).
 * A production cluster with the full distribution has all of these already and does not need it.
 */
package dortmund.hor.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

public class PortalAnalysisPlugin extends Plugin implements AnalysisPlugin {

    /** A token filter factory built from the filter's settings once, applied to each stream. */
    private static AnalysisProvider<TokenFilterFactory> filter(
        Function<Settings, Function<TokenStream, TokenStream>> build
    ) {
        return (indexSettings, environment, name, settings) -> {
            Function<TokenStream, TokenStream> wrap = build.apply(settings);
            return new AbstractTokenFilterFactory(name, settings) {
                @Override
                public TokenStream create(TokenStream stream) {
                    return wrap.apply(stream);
                }
            };
        };
    }

    private static int intSetting(Settings settings, String key, int fallback) {
        return settings.getAsInt(key, fallback);
    }

    /** Elasticsearch's `stemmer` filter: the languages the portal uses, mapped as Elasticsearch maps them. */
    private static Function<TokenStream, TokenStream> stemmer(Settings settings) {
        String language = settings.get("language", settings.get("name", "english"));
        switch (language) {
            case "german":
                return stream -> new SnowballFilter(stream, new GermanStemmer());
            case "light_german":
                return GermanLightStemFilter::new;
            case "minimal_german":
                return GermanMinimalStemFilter::new;
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "light_english":
                return KStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            case "turkish":
                return stream -> new SnowballFilter(stream, new TurkishStemmer());
            case "arabic":
                return ArabicStemFilter::new;
            case "russian":
                return stream -> new SnowballFilter(stream, new RussianStemmer());
            default:
                throw new IllegalArgumentException("stemmer language [" + language + "] is not provided here");
        }
    }

    /** Elasticsearch's configurable `lowercase` filter: `language` selects Greek, Irish or Turkish rules. */
    private static Function<TokenStream, TokenStream> lowercase(Settings settings) {
        String language = settings.get("language");
        if (language == null) {
            return LowerCaseFilter::new;
        }
        switch (language) {
            case "turkish":
                return TurkishLowerCaseFilter::new;
            case "greek":
                return GreekLowerCaseFilter::new;
            case "irish":
                return IrishLowerCaseFilter::new;
            default:
                throw new IllegalArgumentException("lowercase language [" + language + "] is not provided here");
        }
    }

    /** Elasticsearch's `unique`; only the `only_on_same_position: true` form, which Lucene provides. */
    private static Function<TokenStream, TokenStream> unique(Settings settings) {
        if (!settings.getAsBoolean("only_on_same_position", false)) {
            throw new IllegalArgumentException("unique is provided here only with only_on_same_position: true");
        }
        return RemoveDuplicatesTokenFilter::new;
    }

    private static Function<TokenStream, TokenStream> decompounder(Settings settings) {
        List<String> words = settings.getAsList("word_list");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("dictionary_decompounder needs a word_list");
        }
        CharArraySet dictionary = new CharArraySet(words, true);
        int minWord = intSetting(settings, "min_word_size", DictionaryCompoundWordTokenFilter.DEFAULT_MIN_WORD_SIZE);
        int minSub = intSetting(settings, "min_subword_size", DictionaryCompoundWordTokenFilter.DEFAULT_MIN_SUBWORD_SIZE);
        int maxSub = intSetting(settings, "max_subword_size", DictionaryCompoundWordTokenFilter.DEFAULT_MAX_SUBWORD_SIZE);
        boolean longest = settings.getAsBoolean("only_longest_match", false);
        return stream -> new DictionaryCompoundWordTokenFilter(stream, dictionary, minWord, minSub, maxSub, longest);
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.ofEntries(
            Map.entry("asciifolding", filter(s -> {
                boolean keep = s.getAsBoolean("preserve_original", false);
                return stream -> new ASCIIFoldingFilter(stream, keep);
            })),
            Map.entry("ngram", filter(s -> {
                int min = intSetting(s, "min_gram", 1);
                int max = intSetting(s, "max_gram", 2);
                boolean keep = s.getAsBoolean("preserve_original", false);
                return stream -> new NGramTokenFilter(stream, min, max, keep);
            })),
            Map.entry("edge_ngram", filter(s -> {
                int min = intSetting(s, "min_gram", 1);
                int max = intSetting(s, "max_gram", 2);
                boolean keep = s.getAsBoolean("preserve_original", false);
                return stream -> new EdgeNGramTokenFilter(stream, min, max, keep);
            })),
            Map.entry("german_normalization", filter(s -> GermanNormalizationFilter::new)),
            Map.entry("arabic_normalization", filter(s -> ArabicNormalizationFilter::new)),
            Map.entry("turkish_lowercase", filter(s -> TurkishLowerCaseFilter::new)),
            Map.entry("apostrophe", filter(s -> ApostropheFilter::new)),
            Map.entry("unique", AnalysisPlugin.requiresAnalysisSettings(filter(PortalAnalysisPlugin::unique))),
            Map.entry("lowercase", filter(PortalAnalysisPlugin::lowercase)),
            Map.entry("decimal_digit", filter(s -> DecimalDigitFilter::new)),
            Map.entry("stemmer", filter(PortalAnalysisPlugin::stemmer)),
            Map.entry("dictionary_decompounder", AnalysisPlugin.requiresAnalysisSettings(filter(PortalAnalysisPlugin::decompounder)))
        );
    }

    private static AnalysisProvider<TokenizerFactory> tokenizer(Function<Settings, java.util.function.Supplier<Tokenizer>> build) {
        return (indexSettings, environment, name, settings) -> TokenizerFactory.newFactory(name, build.apply(settings));
    }

    /**
     * Elasticsearch's `token_chars` of the n-gram tokenizers: which character classes belong to a token
     * (letter, digit, whitespace, punctuation, symbol); empty means every character, as in Elasticsearch.
     */
    private static IntPredicate tokenChars(Settings settings) {
        List<String> classes = settings.getAsList("token_chars");
        if (classes.isEmpty()) {
            return chr -> true;
        }
        IntPredicate accepted = chr -> false;
        for (String name : classes) {
            IntPredicate test;
            switch (name) {
                case "letter":
                    test = Character::isLetter;
                    break;
                case "digit":
                    test = Character::isDigit;
                    break;
                case "whitespace":
                    test = Character::isWhitespace;
                    break;
                case "punctuation":
                    test = chr -> {
                        int type = Character.getType(chr);
                        return type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                            || type == Character.OTHER_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION
                            || type == Character.DASH_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                            || type == Character.FINAL_QUOTE_PUNCTUATION;
                    };
                    break;
                case "symbol":
                    test = chr -> {
                        int type = Character.getType(chr);
                        return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL
                            || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL;
                    };
                    break;
                default:
                    throw new IllegalArgumentException("token_chars [" + name + "] is not provided here");
            }
            accepted = accepted.or(test);
        }
        return accepted;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram", tokenizer(s -> {
                int min = intSetting(s, "min_gram", 1);
                int max = intSetting(s, "max_gram", 2);
                IntPredicate accepted = tokenChars(s);
                return () -> new NGramTokenizer(min, max) {
                    @Override
                    protected boolean isTokenChar(int chr) {
                        return accepted.test(chr);
                    }
                };
            }),
            "edge_ngram", tokenizer(s -> {
                int min = intSetting(s, "min_gram", 1);
                int max = intSetting(s, "max_gram", 2);
                IntPredicate accepted = tokenChars(s);
                return () -> new EdgeNGramTokenizer(min, max) {
                    @Override
                    protected boolean isTokenChar(int chr) {
                        return accepted.test(chr);
                    }
                };
            })
        );
    }

    private static <T extends Analyzer> AnalysisProvider<AnalyzerProvider<? extends Analyzer>> analyzer(
        java.util.function.Supplier<T> build
    ) {
        return (indexSettings, environment, name, settings) -> {
            T analyzer = build.get();
            return new AbstractIndexAnalyzerProvider<T>(name, settings) {
                @Override
                public T get() {
                    return analyzer;
                }
            };
        };
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "german", analyzer(GermanAnalyzer::new),
            "english", analyzer(EnglishAnalyzer::new),
            "turkish", analyzer(TurkishAnalyzer::new),
            "arabic", analyzer(ArabicAnalyzer::new)
        );
    }
}
