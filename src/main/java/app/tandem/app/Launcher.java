package app.tandem.app;
public final class Launcher { public static void main(String[] a) {} }
