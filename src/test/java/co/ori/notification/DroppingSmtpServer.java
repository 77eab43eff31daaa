package co.ori.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A faulty SMTP server for tests: it answers the SMTP dialogue normally, takes the message data
 * up to the final {@code "."} and then closes the connection without answering — as a server
 * (or a network) that fails right after receiving a mail. Whether such a mail was delivered is
 * unknown to the sender.
 */
final class DroppingSmtpServer implements AutoCloseable {

  private final ServerSocket server;
  private final Thread thread;
  private final AtomicInteger messagesTaken = new AtomicInteger();

  DroppingSmtpServer(int port) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    thread = new Thread(this::serve, "dropping-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  /** Messages received completely (and then left unanswered). */
  int messagesTaken() {
    return messagesTaken.get();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 dropping.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
          String command = line.toUpperCase(java.util.Locale.ROOT);
          if (command.startsWith("EHLO") || command.startsWith("HELO")) {
            reply(out, "250 dropping.test");
          } else if (command.startsWith("DATA")) {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // message data, taken
            }
            messagesTaken.incrementAndGet();
            break; // drop the connection instead of "250 OK"
          } else if (command.startsWith("QUIT")) {
            reply(out, "221 bye");
            break;
          } else {
            reply(out, "250 OK");
          }
        }
      } catch (IOException closed) {
        // server closed, or the client went away
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      thread.join(5_000); // the port is free for the next server once the accept loop has ended
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the dropping SMTP server", e);
    }
  }
}
