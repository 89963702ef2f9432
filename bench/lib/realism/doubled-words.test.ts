import { describe, expect, it } from "vitest";
import { doubledWords } from "./doubled-words.js";

const words = (text: string, language = "en") => doubledWords(text, language).map((d) => d.word);

describe("doubled words", () => {
  it("finds a word said twice in a row in English, and two parts that meet on one word", () => {
    expect(words("yes, hand me over then then")).toEqual(["then"]);
    expect(words("Only show me the database ones, please please hurry")).toEqual(["please"]);
    expect(words("Great. Great that we settled on gpu-01.")).toEqual(["great"]);
    expect(words("Welcome back! Back to HAT012 — shall we continue?")).toEqual(["back"]);
  });

  it("leaves a longer sentence's last word that the next one starts with: an echo or a pronoun people write", () => {
    expect(words("A service is usually active, inactive or failed. Failed means it exited with an error.")).toEqual([]);
    expect(words("I'll pass you to a colleague who handles neurology with you. You won't need to repeat anything.")).toEqual([]);
    expect(words("Checking. Checking for anything open to new patients.")).toEqual(["checking"]);
    expect(words("H41EI3A33 रद्द हो गया है। और कुछ? कुछ और चाहिए?", "hi")).toEqual(["कुछ"]);
  });

  it("leaves the English words people double on purpose, asides and ids", () => {
    expect(words("OK ok right, for less than $120")).toEqual([]);
    expect(words("Bye bye!")).toEqual([]);
    expect(words("Ooh ooh, let me see")).toEqual([]);
    expect(words("One moment, connecting you! You won't need to repeat anything.")).toEqual([]);
    expect(words("Got an error on that one — one more attempt coming.")).toEqual([]);
    expect(words("I'm happy with that, that all looks fine")).toEqual([]);
    expect(words("Good, lock it in in business")).toEqual(["in"]);
    expect(words("TR1809 (TR1809-sun-1948) leaves at 19:48")).toEqual([]);
  });

  it("does not read commands and log lines in backticks", () => {
    expect(words("it logged `upstream upstream timed out` twice")).toEqual([]);
    expect(words("Here:\n```\nERROR nginx: upstream\nupstream timed out\n```\nworth a look")).toEqual([]);
  });

  it("in Hindi and Hinglish, flags only words the language never doubles", () => {
    expect(words("iske alawa, jo english bolta ho ho toh better", "mixed")).toEqual(["ho"]);
    expect(words("मुझे दिल्ली से से जाना है", "hi")).toEqual(["से"]);
    // Reduplication is grammar: question words, adverbs, participles, intensifiers.
    expect(words("Short mein batao, Party Glasses mein kya kya hai? Bahut bahut thanks, dheere dheere", "mixed")).toEqual([]);
    expect(words("सुबह-सुबह थोड़ा काम निपटाना है, बहुत-बहुत शुक्रिया, हाँ हाँ", "hi")).toEqual([]);
    // Two parts that meet still count.
    expect(words("Theek hai. Hai koi aur option?", "mixed")).toEqual(["hai"]);
  });
});
