// One browser and one app at a time: on a 2-core CI machine, test classes run in parallel each started an app and a
// Chromium, and a sign-in could take over two minutes (a test timed out). Serial runs take about as long in total.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
